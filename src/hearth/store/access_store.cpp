#include "hearth/store/access_store.hpp"

#include <initializer_list>

#include "hearth/core/digest.hpp"

namespace hearth::store {

std::string audit_hash(std::string_view prev_hash, int64_t seq, const AuditEvent& event) {
  // A version tag, then each field as <length>:<bytes>; so "ab"+"c" and "a"+"bc" differ, and a
  // later format can be told apart.
  std::string text = "hearth-audit-1\n";
  const std::string seq_text = std::to_string(seq);
  const std::string at = event.at.to_iso();
  for (std::string_view field : std::initializer_list<std::string_view>{
           seq_text, at, event.actor_id, event.actor_name, event.actor_role, event.action,
           event.outcome, event.la_code, event.child_id, event.target, event.reason, event.address,
           prev_hash}) {
    text += std::to_string(field.size());
    text += ':';
    text += field;
    text += '\n';
  }
  return core::sha256_hex(text);
}

}  // namespace hearth::store
