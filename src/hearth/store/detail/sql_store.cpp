#include "hearth/store/detail/sql_store.hpp"

#include <algorithm>
#include <atomic>
#include <set>

#include <fmt/format.h>

#include "hearth/core/parallel.hpp"
#include "hearth/core/text.hpp"
#include "hearth/store/detail/codec.hpp"

namespace hearth::store::detail {
namespace {

// The condition on record_current `c` that its active period meets a range (decision 0015): two
// parameters, the range's last day then its first. A record with none (NULL: a kind without a
// period, or written before periods were kept) always meets it; an open one runs to 9999-12-31.
constexpr std::string_view kMeetsRange =
    " AND (c.active_from IS NULL OR (c.active_from <= ? AND c.active_to >= ?))";

// active_from and active_to of a revision, as stored.
std::pair<std::optional<std::string>, std::optional<std::string>> period_columns(
    const Record& record) {
  auto period = active_period(record);
  if (!period) return {std::nullopt, std::nullopt};
  return {period->from.to_iso(), period->to ? period->to->to_iso() : std::string("9999-12-31")};
}

using core::Error;
using core::Result;
using core::Status;

// Bytes after every UTF-8 character, so [prefix, prefix + kAfterAll) covers every extension.
constexpr std::string_view kAfterAll = "\xf4\x8f\xbf\xbf";

Status check_key(const Record& record) {
  if (id_of(record).empty()) return Error::invalid("id", "a record needs an id");
  if (la_code_of(record).empty()) {
    return Error::invalid("la_code", "a record needs its local authority code");
  }
  return {};
}

std::string sort_key(const domain::Child& child) {
  return core::ascii_lower(child.name.family) + '\x1f' + core::ascii_lower(child.name.given) +
         '\x1f' + child.id;
}

std::vector<std::string> child_tokens(const domain::Child& child) {
  std::set<std::string> tokens;
  for (const std::string* name : {&child.name.given, &child.name.middle, &child.name.family,
                                  &child.name.preferred, &child.name.former_family}) {
    for (auto& token : name_tokens(*name)) tokens.insert(std::move(token));
  }
  tokens.insert(core::ascii_lower(child.id));
  return {tokens.begin(), tokens.end()};
}

// Keeps agency_record_search in step with an agency record's current revision.
Status index_agency_record(Connection& connection, const domain::AgencyRecord& record,
                           bool withdrawn) {
  if (auto done = run_sql(connection,
                          "DELETE FROM agency_record_search WHERE la_code = ? AND record_id = ?",
                          {record.la_code, record.id});
      !done) {
    return done.error();
  }
  if (withdrawn) return {};
  const std::string recorded = record.recorded.to_iso();
  const std::string local_ref = core::ascii_lower(record.local_ref);
  auto done = run_sql(connection,
                      "INSERT INTO agency_record_search (la_code, agency_id, recorded, record_id, "
                      "local_ref) VALUES (?, ?, ?, ?, ?)",
                      {record.la_code, record.agency_id, recorded, record.id, local_ref});
  if (!done) return done.error();
  return {};
}

// Keeps child_search and child_name_token in step with a child's current revision.
Status index_child(Connection& connection, const domain::Child& child, bool withdrawn) {
  for (const char* sql : {"DELETE FROM child_search WHERE la_code = ? AND child_id = ?",
                          "DELETE FROM child_name_token WHERE la_code = ? AND child_id = ?"}) {
    auto statement = connection.prepare(sql);
    if (!statement) return statement.error();
    if (auto done = run_statement(**statement, {child.la_code, child.id}); !done)
      return done.error();
  }
  if (withdrawn) return {};
  auto insert = connection.prepare(
      "INSERT INTO child_search (la_code, child_id, sort_key, team_id, allocated_worker_id, "
      "restricted) VALUES (?, ?, ?, ?, ?, ?)");
  if (!insert) return insert.error();
  if (auto done =
          run_statement(**insert, {child.la_code, child.id, sort_key(child), child.team_id,
                                   child.allocated_worker_id, child.restricted ? "1" : "0"});
      !done) {
    return done.error();
  }
  auto token_insert = connection.prepare(
      "INSERT INTO child_name_token (la_code, token, child_id) VALUES (?, ?, ?)");
  if (!token_insert) return token_insert.error();
  for (const auto& token : child_tokens(child)) {
    if (auto done = run_statement(**token_insert, {child.la_code, token, child.id}); !done) {
      return done.error();
    }
  }
  return {};
}

RevisionInfo read_info(Statement& row, int first_column) {
  RevisionInfo info;
  info.revision = static_cast<int>(row.column_int(first_column));
  info.change.at =
      core::Timestamp::parse_iso(row.column_text(first_column + 1)).value_or(core::Timestamp());
  info.change.by = std::string(row.column_text(first_column + 2));
  info.change.reason = std::string(row.column_text(first_column + 3));
  info.withdrawn = row.column_int(first_column + 4) != 0;
  return info;
}

// The current revision of one record on an open connection.
Result<StoredRecord> read_stored(Connection& connection, const RecordKey& key) {
  auto statement = connection.prepare(
      "SELECT r.body, r.revision, r.recorded_at, r.recorded_by, r.reason, r.withdrawn "
      "FROM record_current c JOIN record_revision r ON r.seq = c.seq "
      "WHERE c.kind = ? AND c.la_code = ? AND c.record_id = ?");
  if (!statement) return statement.error();
  Statement& s = **statement;
  s.reset();
  s.bind_text(1, domain::record_kind_name(key.kind));
  s.bind_text(2, key.la_code);
  s.bind_text(3, key.id);
  auto row = s.step();
  if (!row) {
    s.reset();
    return row.error();
  }
  if (!*row || s.column_int(5) != 0) {
    s.reset();
    return Error::not_found(fmt::format("no {} {} in authority {}",
                                        domain::record_kind_name(key.kind), key.id, key.la_code));
  }
  auto record = decode(key.kind, s.column_text(0));
  RevisionInfo info = read_info(s, 1);
  s.reset();
  if (!record) return record.error();
  return StoredRecord{std::move(*record), std::move(info)};
}

class SqlWriter final : public Writer {
 public:
  explicit SqlWriter(Connection& connection) : connection_(connection) {}

  bool failed() const { return failed_; }

  Result<int> put(const Record& record, const Change& change,
                  std::optional<int> expected_revision) override {
    auto result = write(record, change, expected_revision, false);
    if (!result) failed_ = true;
    return result;
  }

  Result<int> withdraw(const RecordKey& key, const Change& change) override {
    auto current = read_current(key);
    if (!current) {
      failed_ = true;
      return current.error();
    }
    auto result = write(*current, change, std::nullopt, true);
    if (!result) failed_ = true;
    return result;
  }

 private:
  Result<Record> read_current(const RecordKey& key) {
    auto stored = read_stored(connection_, key);
    if (!stored) return stored.error();
    return std::move(stored->record);
  }

  Result<int> write(const Record& record, const Change& change, std::optional<int> expected,
                    bool withdrawn) {
    if (auto ok = check_change(change); !ok) return ok.error();
    if (auto ok = check_key(record); !ok) return ok.error();
    const RecordKind kind = kind_of(record);
    const char* kind_name = domain::record_kind_name(kind);
    const std::string& la = la_code_of(record);
    const std::string& id = id_of(record);

    auto select = connection_.prepare(
        "SELECT revision FROM record_current WHERE kind = ? AND la_code = ? AND record_id = ?");
    if (!select) return select.error();
    auto current = run_statement(**select, {kind_name, la, id});
    if (!current) return current.error();
    const int current_revision = current->has_value() ? static_cast<int>(**current) : 0;
    if (expected && *expected != current_revision) {
      return Error::conflict(fmt::format(
          "{} {} was changed by someone else: it is at revision {}, not {}; reload and try again",
          kind_name, id, current_revision, *expected));
    }
    const int revision = current_revision + 1;
    const std::string child_id = child_id_of(record);

    // The period's dates, "" for none (NULLIF makes that NULL).
    const auto [from, to] = period_columns(record);
    auto insert = connection_.prepare(
        "INSERT INTO record_revision (kind, la_code, record_id, revision, child_id, recorded_at, "
        "recorded_by, reason, withdrawn, body, active_from, active_to) VALUES (?, ?, ?, ?, ?, ?, "
        "?, ?, ?, ?, NULLIF(?, ''), NULLIF(?, '')) RETURNING seq");
    if (!insert) return insert.error();
    const std::string revision_text = std::to_string(revision);
    auto seq =
        run_statement(**insert, {kind_name, la, id, revision_text, child_id, change.at.to_iso(),
                                 change.by, change.reason, withdrawn ? "1" : "0", encode(record),
                                 from.value_or(""), to.value_or("")});
    if (!seq) return seq.error();
    if (!seq->has_value()) return Error::internal("insert returned no sequence number");

    auto upsert = connection_.prepare(
        "INSERT INTO record_current (kind, la_code, record_id, revision, seq, child_id, "
        "withdrawn, active_from, active_to) VALUES (?, ?, ?, ?, ?, ?, ?, NULLIF(?, ''), "
        "NULLIF(?, '')) ON CONFLICT (kind, la_code, record_id) DO UPDATE SET revision = "
        "excluded.revision, seq = excluded.seq, child_id = excluded.child_id, withdrawn = "
        "excluded.withdrawn, active_from = excluded.active_from, active_to = excluded.active_to");
    if (!upsert) return upsert.error();
    const std::string seq_text = std::to_string(**seq);
    if (auto done =
            run_statement(**upsert, {kind_name, la, id, revision_text, seq_text, child_id,
                                     withdrawn ? "1" : "0", from.value_or(""), to.value_or("")});
        !done) {
      return done.error();
    }
    if (kind == RecordKind::kChild) {
      if (auto done = index_child(connection_, std::get<domain::Child>(record), withdrawn); !done) {
        return done.error();
      }
    } else if (kind == RecordKind::kAgencyRecord) {
      if (auto done =
              index_agency_record(connection_, std::get<domain::AgencyRecord>(record), withdrawn);
          !done) {
        return done.error();
      }
    }
    return revision;
  }

  Connection& connection_;
  bool failed_ = false;
};

template <typename T>
void sort_by(std::vector<T>& items, auto key) {
  std::stable_sort(items.begin(), items.end(),
                   [&](const T& a, const T& b) { return key(a) < key(b); });
}

}  // namespace

std::vector<std::string> name_tokens(std::string_view text) {
  std::vector<std::string> tokens;
  std::string word;
  std::string joined;
  auto flush_word = [&] {
    if (!word.empty()) tokens.push_back(std::move(word));
    word.clear();
  };
  auto flush_joined = [&] {
    flush_word();
    if (!joined.empty() && (tokens.empty() || tokens.back() != joined)) tokens.push_back(joined);
    joined.clear();
  };
  for (char raw : text) {
    const char c = (raw >= 'A' && raw <= 'Z') ? static_cast<char>(raw - 'A' + 'a') : raw;
    if (c == ' ' || c == '\t' || c == ',') {
      flush_joined();
    } else if (c == '-' || c == '\'' || c == '.') {
      flush_word();
    } else {
      word += c;
      joined += c;
    }
  }
  flush_joined();
  std::sort(tokens.begin(), tokens.end());
  tokens.erase(std::unique(tokens.begin(), tokens.end()), tokens.end());
  return tokens;
}

SqlStore::SqlStore(std::string backend, ConnectionFactory factory,
                   std::unique_ptr<Connection> first)
    : backend_(std::move(backend)), pool_(std::move(factory), std::move(first)) {}

Result<int> SqlStore::schema_version() {
  auto lease = pool_.acquire();
  if (!lease) return lease.error();
  return current_version(**lease);
}

Status SqlStore::transact(const std::function<Status(Writer&)>& work) {
  auto lease = pool_.acquire();
  if (!lease) return lease.error();
  Connection& connection = **lease;
  SqlWriter writer(connection);
  return in_write_transaction(connection, [&]() -> Status {
    Status outcome = work(writer);
    if (outcome && writer.failed()) {
      return Error::internal("a write in this transaction failed; nothing was saved");
    }
    return outcome;
  });
}

Result<StoredRecord> SqlStore::get(const RecordKey& key) {
  auto lease = pool_.acquire();
  if (!lease) return lease.error();
  return read_stored(**lease, key);
}

namespace {

// The current revisions of `keys` on an open connection: one statement for up to kChunk keys.
Result<std::vector<StoredRecord>> read_many(Connection& connection,
                                            std::span<const RecordKey> keys) {
  constexpr size_t kChunk = 64;
  std::vector<StoredRecord> out;
  for (size_t start = 0; start < keys.size(); start += kChunk) {
    const auto chunk = keys.subspan(start, std::min(kChunk, keys.size() - start));
    std::string sql =
        "SELECT c.kind, r.body, r.revision, r.recorded_at, r.recorded_by, r.reason, r.withdrawn "
        "FROM record_current c JOIN record_revision r ON r.seq = c.seq WHERE c.withdrawn = 0 AND "
        "(";
    std::vector<std::string> params;
    for (size_t i = 0; i < chunk.size(); ++i) {
      sql += i == 0 ? "" : " OR ";
      sql += "(c.kind = ? AND c.la_code = ? AND c.record_id = ?)";
      params.emplace_back(domain::record_kind_name(chunk[i].kind));
      params.push_back(chunk[i].la_code);
      params.push_back(chunk[i].id);
    }
    sql += ")";
    auto statement = connection.prepare(sql);
    if (!statement) return statement.error();
    (*statement)->reset();
    bind_texts(**statement, params);
    auto read = each_row(**statement, [&](Statement& row) -> Status {
      auto kind = domain::record_kind_from_name(row.column_text(0));
      if (!kind) return {};
      auto record = decode(*kind, row.column_text(1));
      if (!record) return record.error();
      out.push_back({std::move(*record), read_info(row, 2)});
      return {};
    });
    if (!read) return read.error();
  }
  return out;
}

}  // namespace

Result<std::vector<StoredRecord>> SqlStore::get_many(std::span<const RecordKey> keys) {
  if (keys.empty()) return std::vector<StoredRecord>{};
  auto lease = pool_.acquire();
  if (!lease) return lease.error();
  return read_many(**lease, keys);
}

Result<std::vector<StoredRecord>> SqlStore::history(const RecordKey& key) {
  auto lease = pool_.acquire();
  if (!lease) return lease.error();
  auto statement = (*lease)->prepare(
      "SELECT body, revision, recorded_at, recorded_by, reason, withdrawn FROM record_revision "
      "WHERE kind = ? AND la_code = ? AND record_id = ? ORDER BY revision");
  if (!statement) return statement.error();
  Statement& s = **statement;
  s.reset();
  s.bind_text(1, domain::record_kind_name(key.kind));
  s.bind_text(2, key.la_code);
  s.bind_text(3, key.id);
  std::vector<StoredRecord> revisions;
  auto read = each_row(s, [&](Statement& row) -> Status {
    auto record = decode(key.kind, row.column_text(0));
    if (!record) return record.error();
    revisions.push_back({std::move(*record), read_info(row, 1)});
    return {};
  });
  if (!read) return read.error();
  if (revisions.empty()) {
    return Error::not_found(fmt::format("no {} {} in authority {}",
                                        domain::record_kind_name(key.kind), key.id, key.la_code));
  }
  return revisions;
}

Result<ChildRecord> SqlStore::child_record(std::string_view la_code, std::string_view child_id) {
  auto lease = pool_.acquire();
  if (!lease) return lease.error();
  auto statement = (*lease)->prepare(
      "SELECT c.kind, r.body, r.revision, r.recorded_at, r.recorded_by, r.reason, r.withdrawn "
      "FROM record_current c JOIN record_revision r ON r.seq = c.seq "
      "WHERE c.la_code = ? AND c.child_id = ? AND c.withdrawn = 0");
  if (!statement) return statement.error();
  Statement& s = **statement;
  s.reset();
  s.bind_text(1, la_code);
  s.bind_text(2, child_id);
  ChildRecord out;
  bool found_child = false;
  std::vector<std::string> person_ids;
  auto read = each_row(s, [&](Statement& row) -> Status {
    auto kind = domain::record_kind_from_name(row.column_text(0));
    if (!kind) return {};  // a kind this program does not know: written by a newer Hearth
    auto record = decode(*kind, row.column_text(1));
    if (!record) return record.error();
    std::visit(
        [&](auto&& value) {
          using T = std::decay_t<decltype(value)>;
          if constexpr (std::is_same_v<T, domain::Child>) {
            out.child = {std::move(value), read_info(row, 2)};
            found_child = true;
          } else if constexpr (std::is_same_v<T, domain::Relationship>) {
            if (!value.other_is_child) person_ids.push_back(value.person_id);
            out.relationships.push_back(std::move(value));
          } else if constexpr (std::is_same_v<T, domain::Contact>) {
            out.contacts.push_back(std::move(value));
          } else if constexpr (std::is_same_v<T, domain::Referral>) {
            out.referrals.push_back(std::move(value));
          } else if constexpr (std::is_same_v<T, domain::Assessment>) {
            out.assessments.push_back(std::move(value));
          } else if constexpr (std::is_same_v<T, domain::CinPlan>) {
            out.cin_plans.push_back(std::move(value));
          } else if constexpr (std::is_same_v<T, domain::StrategyDiscussion>) {
            out.strategy_discussions.push_back(std::move(value));
          } else if constexpr (std::is_same_v<T, domain::Section47Enquiry>) {
            out.section47_enquiries.push_back(std::move(value));
          } else if constexpr (std::is_same_v<T, domain::Conference>) {
            out.conferences.push_back(std::move(value));
          } else if constexpr (std::is_same_v<T, domain::ProtectionPlan>) {
            out.protection_plans.push_back(std::move(value));
          } else if constexpr (std::is_same_v<T, domain::LookedAfterEpisode>) {
            out.episodes.push_back(std::move(value));
          } else if constexpr (std::is_same_v<T, domain::Placement>) {
            out.placements.push_back(std::move(value));
          } else if constexpr (std::is_same_v<T, domain::LookedAfterReview>) {
            out.reviews.push_back(std::move(value));
          } else if constexpr (std::is_same_v<T, domain::MissingEpisode>) {
            out.missing_episodes.push_back(std::move(value));
          } else if constexpr (std::is_same_v<T, domain::LookedAfterOutcome>) {
            out.outcomes.push_back(std::move(value));
          } else if constexpr (std::is_same_v<T, domain::CareLeaverOutcome>) {
            out.care_leaver_outcomes.push_back(std::move(value));
          } else if constexpr (std::is_same_v<T, domain::Adoption>) {
            out.adoptions.push_back(std::move(value));
          } else if constexpr (std::is_same_v<T, domain::PreviousPermanence>) {
            out.previous_permanence.push_back(std::move(value));
          } else if constexpr (std::is_same_v<T, domain::SocialWorkerEpisode>) {
            out.social_worker_episodes.push_back(std::move(value));
          } else if constexpr (std::is_same_v<T, domain::AgencyRecord>) {
            out.agency_records.push_back(std::move(value));
          } else if constexpr (std::is_same_v<T, domain::CaseNote>) {
            out.case_notes.push_back(std::move(value));
          }
        },
        std::move(*record));
    return {};
  });
  if (!read) return read.error();
  if (!found_child) {
    return Error::not_found(fmt::format("no child {} in authority {}", child_id, la_code));
  }
  std::vector<RecordKey> people;
  for (const auto& person_id : person_ids) {
    people.push_back({RecordKind::kPerson, std::string(la_code), person_id});
  }
  auto found = read_many(**lease, people);
  if (!found) return found.error();
  for (auto& person : *found)
    out.people.push_back(std::get<domain::Person>(std::move(person.record)));
  sort_by(out.people, [](const auto& x) { return x.id; });
  sort_by(out.contacts, [](const auto& x) { return x.received; });
  sort_by(out.referrals, [](const auto& x) { return x.referral_date; });
  sort_by(out.assessments, [](const auto& x) { return x.start_date; });
  sort_by(out.cin_plans, [](const auto& x) { return x.start_date; });
  sort_by(out.strategy_discussions, [](const auto& x) { return x.date; });
  sort_by(out.section47_enquiries, [](const auto& x) { return x.start_date; });
  sort_by(out.conferences, [](const auto& x) { return x.date; });
  sort_by(out.protection_plans, [](const auto& x) { return x.start_date; });
  sort_by(out.episodes, [](const auto& x) { return x.start_date; });
  sort_by(out.placements, [](const auto& x) { return x.start_date; });
  sort_by(out.reviews, [](const auto& x) { return x.date; });
  sort_by(out.missing_episodes, [](const auto& x) { return x.start_date; });
  sort_by(out.outcomes, [](const auto& x) { return x.collection_year; });
  sort_by(out.care_leaver_outcomes, [](const auto& x) { return x.collection_year; });
  sort_by(out.social_worker_episodes, [](const auto& x) { return x.start_date; });
  sort_by(out.agency_records, [](const auto& x) { return x.recorded; });
  sort_by(out.case_notes, [](const auto& x) { return x.date; });
  return out;
}

Result<ChildPage> SqlStore::find_children(const ChildQuery& query) {
  ChildPage page;
  page.page_size = std::clamp(query.page_size, 1, 200);
  page.page = std::max(query.page, 1);
  const auto words = name_tokens(query.name);

  std::string where = "WHERE 1 = 1";
  std::vector<std::string> params;
  if (!query.la_code.empty()) {
    where += " AND s.la_code = ?";
    params.push_back(query.la_code);
  }
  if (!query.allocated_worker_id.empty()) {
    where += " AND s.allocated_worker_id = ?";
    params.push_back(query.allocated_worker_id);
  }
  if (!query.team_id.empty()) {
    where += " AND s.team_id = ?";
    params.push_back(query.team_id);
  }
  if (query.viewer_account_id) {
    where +=
        " AND (s.restricted = 0 OR EXISTS (SELECT 1 FROM restricted_member m WHERE m.la_code = "
        "s.la_code AND m.child_id = s.child_id AND m.account_id = ?))";
    params.push_back(*query.viewer_account_id);
  }
  // Each word is a set of children found once from the token index (a range scan of
  // (la_code, token)), not a probe per child: a correlated EXISTS made SQLite scan a common
  // prefix's whole token range for every child, seconds per search on a large authority.
  for (const auto& word : words) {
    if (query.la_code.empty()) {
      where +=
          " AND (s.la_code, s.child_id) IN (SELECT t.la_code, t.child_id FROM child_name_token t "
          "WHERE t.token >= ? AND t.token < ?)";
    } else {
      where +=
          " AND s.child_id IN (SELECT t.child_id FROM child_name_token t WHERE t.la_code = ? AND "
          "t.token >= ? AND t.token < ?)";
      params.push_back(query.la_code);
    }
    params.push_back(word);
    params.push_back(word + std::string(kAfterAll));
  }

  auto lease = pool_.acquire();
  if (!lease) return lease.error();
  auto total = count_rows(**lease, "SELECT count(*) FROM child_search s " + where, params);
  if (!total) return total.error();
  page.total = *total;

  auto lister = (*lease)->prepare(
      "SELECT r.body FROM child_search s JOIN record_current c ON c.kind = 'child' AND "
      "c.la_code = s.la_code AND c.record_id = s.child_id JOIN record_revision r ON r.seq = "
      "c.seq " +
      where + " ORDER BY s.sort_key, s.la_code LIMIT ? OFFSET ?");
  if (!lister) return lister.error();
  Statement& s = **lister;
  s.reset();
  bind_texts(s, params);
  s.bind_int(static_cast<int>(params.size()) + 1, page.page_size);
  s.bind_int(static_cast<int>(params.size()) + 2,
             static_cast<int64_t>(page.page - 1) * page.page_size);
  auto read = each_row(s, [&](Statement& row) -> Status {
    auto record = decode(RecordKind::kChild, row.column_text(0));
    if (!record) return record.error();
    auto& child = std::get<domain::Child>(*record);
    page.rows.push_back(summary_of(child));
    return {};
  });
  if (!read) return read.error();
  return page;
}

Result<AgencyRecordPage> SqlStore::find_agency_records(const AgencyRecordQuery& query) {
  if (query.agency_id.empty()) return Error::invalid("agency_id", "name the agency");
  AgencyRecordPage page;
  page.page_size = std::clamp(query.page_size, 1, 200);
  page.page = std::max(query.page, 1);
  std::string where = "WHERE a.la_code = ? AND a.agency_id = ?";
  std::vector<std::string> params{query.la_code, query.agency_id};
  if (!query.local_ref.empty()) {
    const std::string prefix = core::ascii_lower(query.local_ref);
    where += " AND a.local_ref >= ? AND a.local_ref < ?";
    params.push_back(prefix);
    params.push_back(prefix + std::string(kAfterAll));
  }
  auto lease = pool_.acquire();
  if (!lease) return lease.error();
  auto total = count_rows(**lease, "SELECT count(*) FROM agency_record_search a " + where, params);
  if (!total) return total.error();
  page.total = *total;

  auto lister = (*lease)->prepare(
      "SELECT r.body FROM agency_record_search a JOIN record_current c ON c.kind = "
      "'agency_record' AND c.la_code = a.la_code AND c.record_id = a.record_id JOIN "
      "record_revision r ON r.seq = c.seq " +
      where + " ORDER BY a.recorded DESC, a.record_id DESC LIMIT ? OFFSET ?");
  if (!lister) return lister.error();
  Statement& s = **lister;
  s.reset();
  bind_texts(s, params);
  s.bind_int(static_cast<int>(params.size()) + 1, page.page_size);
  s.bind_int(static_cast<int>(params.size()) + 2,
             static_cast<int64_t>(page.page - 1) * page.page_size);
  auto read = each_row(s, [&](Statement& row) -> Status {
    auto record = decode(RecordKind::kAgencyRecord, row.column_text(0));
    if (!record) return record.error();
    page.rows.push_back(std::get<domain::AgencyRecord>(std::move(*record)));
    return {};
  });
  if (!read) return read.error();
  return page;
}

Result<std::vector<Record>> SqlStore::load_all(RecordKind kind, std::string_view la_code) {
  return load_kind(kind, la_code, std::nullopt);
}

Result<std::vector<Record>> SqlStore::load_active(RecordKind kind, std::string_view la_code,
                                                  DateRange during) {
  return load_kind(kind, la_code, during);
}

Result<std::vector<Record>> SqlStore::load_kind(RecordKind kind, std::string_view la_code,
                                                std::optional<DateRange> during) {
  auto lease = pool_.acquire();
  if (!lease) return lease.error();
  const std::string sql = std::string(
                              "SELECT r.body FROM record_current c JOIN record_revision r ON "
                              "r.seq = c.seq WHERE c.kind = ? AND c.withdrawn = 0") +
                          (la_code.empty() ? "" : " AND c.la_code = ?") +
                          (during ? std::string(kMeetsRange) : std::string()) +
                          " ORDER BY c.la_code, c.record_id";
  auto statement = (*lease)->prepare(sql);
  if (!statement) return statement.error();
  Statement& s = **statement;
  s.reset();
  int at = 1;
  s.bind_text(at++, domain::record_kind_name(kind));
  if (!la_code.empty()) s.bind_text(at++, la_code);
  if (during) {
    s.bind_text(at++, during->to.to_iso());
    s.bind_text(at++, during->from.to_iso());
  }
  std::vector<std::pair<RecordKind, std::string>> bodies;
  auto read = each_row(s, [&](Statement& row) -> Status {
    bodies.emplace_back(kind, std::string(row.column_text(0)));
    return {};
  });
  if (!read) return read.error();
  return decode_many(bodies);
}

Result<std::vector<Record>> SqlStore::load_for_children(std::string_view la_code,
                                                        std::span<const std::string> child_ids,
                                                        std::span<const RecordKind> kinds,
                                                        std::optional<DateRange> during) {
  if (child_ids.empty() || kinds.empty()) return std::vector<Record>();
  std::string kind_list;
  for (RecordKind kind : kinds) {
    kind_list +=
        fmt::format("{}'{}'", kind_list.empty() ? "" : ",", domain::record_kind_name(kind));
  }
  // Chunks of ids keep each statement well under the backends' limits on parameters. The
  // chunks are read on every core, each thread on its own connection and decoding what it read:
  // reading the rows costs as much as decoding them, so doing them one after the other on one
  // core was most of an export's time. Threads take the next chunk as they go, so a thread
  // that can have no connection (a server at its limit) leaves its chunks to the others; only
  // when the first has none does the load fail.
  constexpr size_t kChunk = 500;
  const size_t chunks = (child_ids.size() + kChunk - 1) / kChunk;
  std::vector<Result<std::vector<Record>>> loaded(chunks, std::vector<Record>());
  std::atomic<size_t> next{0};
  // Below a few chunks a thread (and a connection) costs more than it saves.
  const size_t threads = core::threads_for(chunks / 4);
  core::run_on_threads(threads, [&](size_t thread) {
    auto lease = pool_.acquire();
    if (!lease) {
      if (thread == 0) {
        for (size_t c = next++; c < chunks; c = next++) loaded[c] = lease.error();
      }
      return;
    }
    for (size_t c = next++; c < chunks; c = next++) {
      const auto chunk =
          child_ids.subspan(c * kChunk, std::min(kChunk, child_ids.size() - c * kChunk));
      std::string placeholders;
      for (size_t i = 0; i < chunk.size(); ++i) placeholders += i == 0 ? "?" : ",?";
      const std::string sql = fmt::format(
          "SELECT c.kind, r.body FROM record_current c JOIN record_revision r ON r.seq = c.seq "
          "WHERE c.la_code = ? AND c.withdrawn = 0 AND c.child_id IN ({}) AND c.kind IN ({}){}",
          placeholders, kind_list, during ? kMeetsRange : std::string_view());
      auto statement = (*lease)->prepare(sql);
      if (!statement) {
        loaded[c] = statement.error();
        continue;
      }
      Statement& s = **statement;
      s.reset();
      s.bind_text(1, la_code);
      for (size_t i = 0; i < chunk.size(); ++i) s.bind_text(static_cast<int>(i + 2), chunk[i]);
      if (during) {
        s.bind_text(static_cast<int>(chunk.size() + 2), during->to.to_iso());
        s.bind_text(static_cast<int>(chunk.size() + 3), during->from.to_iso());
      }
      std::vector<Record> records;
      auto read = each_row(s, [&](Statement& row) -> Status {
        auto kind = domain::record_kind_from_name(row.column_text(0));
        if (!kind) return {};
        auto record = decode(*kind, row.column_text(1));
        if (!record) return record.error();
        records.push_back(std::move(*record));
        return {};
      });
      if (!read) {
        loaded[c] = read.error();
      } else {
        loaded[c] = std::move(records);
      }
    }
  });
  size_t total = 0;
  for (const auto& chunk : loaded) {
    if (!chunk) return chunk.error();  // in chunk order: the first failure
    total += chunk->size();
  }
  std::vector<Record> out;
  out.reserve(total);
  for (auto& chunk : loaded) std::move(chunk->begin(), chunk->end(), std::back_inserter(out));
  return out;
}

Result<std::vector<std::pair<std::string, int64_t>>> SqlStore::authorities() {
  auto lease = pool_.acquire();
  if (!lease) return lease.error();
  auto statement = (*lease)->prepare(
      "SELECT la_code, count(*) FROM child_search GROUP BY la_code ORDER BY la_code");
  if (!statement) return statement.error();
  Statement& s = **statement;
  s.reset();
  std::vector<std::pair<std::string, int64_t>> out;
  auto read = each_row(s, [&](Statement& row) -> Status {
    out.emplace_back(std::string(row.column_text(0)), row.column_int(1));
    return {};
  });
  if (!read) return read.error();
  return out;
}

Result<int64_t> SqlStore::count(RecordKind kind, std::string_view la_code) {
  auto lease = pool_.acquire();
  if (!lease) return lease.error();
  auto statement = (*lease)->prepare(
      la_code.empty()
          ? "SELECT count(*) FROM record_current WHERE kind = ? AND withdrawn = 0"
          : "SELECT count(*) FROM record_current WHERE kind = ? AND withdrawn = 0 AND la_code = ?");
  if (!statement) return statement.error();
  auto n = la_code.empty() ? run_statement(**statement, {domain::record_kind_name(kind)})
                           : run_statement(**statement, {domain::record_kind_name(kind), la_code});
  if (!n) return n.error();
  return n->value_or(0);
}

Result<int64_t> SqlStore::bulk_load(std::span<const Record> records, const Change& change) {
  if (auto ok = check_change(change); !ok) return ok.error();
  for (const auto& record : records) {
    if (auto ok = check_key(record); !ok) return ok.error();
  }
  auto lease = pool_.acquire();
  if (!lease) return lease.error();
  Connection& connection = **lease;
  if (auto begun = connection.begin_write(); !begun) return begun.error();
  auto fail = [&](Error error) -> Error {
    (void)connection.exec("ROLLBACK");
    if (error.code == core::ErrorCode::kConflict) {
      error.message =
          "bulk load refused, nothing was written: some of these records already "
          "exist or an id is repeated (" +
          error.message + ")";
    }
    return error;
  };

  auto before = query_column(connection, "SELECT coalesce(max(seq), 0) FROM record_revision", {});
  if (!before) return fail(before.error());
  const std::string first_new_seq = *(*before)[0];

  static constexpr std::string_view kRevisionColumns[] = {
      "kind",        "la_code", "record_id", "revision", "child_id",    "recorded_at",
      "recorded_by", "reason",  "withdrawn", "body",     "active_from", "active_to"};
  static constexpr std::string_view kSearchColumns[] = {
      "la_code", "child_id", "sort_key", "team_id", "allocated_worker_id", "restricted"};
  static constexpr std::string_view kAgencyColumns[] = {"la_code", "agency_id", "recorded",
                                                        "record_id", "local_ref"};
  static constexpr std::string_view kTokenColumns[] = {"la_code", "token", "child_id"};
  const std::string at = change.at.to_iso();
  constexpr size_t kChunk = 20000;  // bounds the memory of the text rows
  std::vector<std::optional<std::string>> rows;
  std::vector<std::optional<std::string>> search_rows;
  std::vector<std::optional<std::string>> token_rows;
  std::vector<std::optional<std::string>> agency_rows;
  for (size_t start = 0; start < records.size(); start += kChunk) {
    rows.clear();
    search_rows.clear();
    token_rows.clear();
    agency_rows.clear();
    const size_t end = std::min(records.size(), start + kChunk);
    for (size_t i = start; i < end; ++i) {
      const Record& record = records[i];
      rows.emplace_back(domain::record_kind_name(kind_of(record)));
      rows.emplace_back(la_code_of(record));
      rows.emplace_back(id_of(record));
      rows.emplace_back("1");
      rows.emplace_back(child_id_of(record));
      rows.emplace_back(at);
      rows.emplace_back(change.by);
      rows.emplace_back(change.reason);
      rows.emplace_back("0");
      rows.emplace_back(encode(record));
      auto [from, to] = period_columns(record);
      rows.push_back(std::move(from));
      rows.push_back(std::move(to));
      if (const auto* child = std::get_if<domain::Child>(&record)) {
        search_rows.emplace_back(child->la_code);
        search_rows.emplace_back(child->id);
        search_rows.emplace_back(sort_key(*child));
        search_rows.emplace_back(child->team_id);
        search_rows.emplace_back(child->allocated_worker_id);
        search_rows.emplace_back(child->restricted ? "1" : "0");
        for (auto& token : child_tokens(*child)) {
          token_rows.emplace_back(child->la_code);
          token_rows.emplace_back(std::move(token));
          token_rows.emplace_back(child->id);
        }
      } else if (const auto* agency = std::get_if<domain::AgencyRecord>(&record)) {
        agency_rows.emplace_back(agency->la_code);
        agency_rows.emplace_back(agency->agency_id);
        agency_rows.emplace_back(agency->recorded.to_iso());
        agency_rows.emplace_back(agency->id);
        agency_rows.emplace_back(core::ascii_lower(agency->local_ref));
      }
    }
    if (auto done = connection.insert_rows("record_revision", kRevisionColumns, rows); !done) {
      return fail(done.error());
    }
    if (auto done = connection.insert_rows("child_search", kSearchColumns, search_rows); !done) {
      return fail(done.error());
    }
    if (auto done = connection.insert_rows("child_name_token", kTokenColumns, token_rows); !done) {
      return fail(done.error());
    }
    if (auto done = connection.insert_rows("agency_record_search", kAgencyColumns, agency_rows);
        !done) {
      return fail(done.error());
    }
  }
  auto pointers = connection.prepare(
      "INSERT INTO record_current (kind, la_code, record_id, revision, seq, child_id, withdrawn, "
      "active_from, active_to) SELECT kind, la_code, record_id, revision, seq, child_id, "
      "withdrawn, active_from, active_to FROM record_revision WHERE seq > ?");
  if (!pointers) return fail(pointers.error());
  (*pointers)->reset();
  (*pointers)->bind_int(1, std::stoll(first_new_seq));
  auto done = (*pointers)->step();
  (*pointers)->reset();
  if (!done) return fail(done.error());
  if (auto committed = connection.exec("COMMIT"); !committed) return fail(committed.error());
  // A bulk load changes the tables' sizes by orders of magnitude: on PostgreSQL, plans made
  // without statistics were 40 times slower until autovacuum came round (docs/PERFORMANCE.md).
  if (connection.dialect() == "postgresql") {
    (void)connection.exec(
        "ANALYZE record_revision, record_current, child_search, child_name_token, "
        "agency_record_search");
  }
  return static_cast<int64_t>(records.size());
}

}  // namespace hearth::store::detail
