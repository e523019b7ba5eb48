// The store: where every record lives, on SQLite (embedded, the default) or PostgreSQL.
// Start here: `Store::open("var/hearth.db")` or `Store::open("postgresql://host/db")`.
//
// Nothing is overwritten. Each put of a record appends a revision carrying who, when and why;
// the current state of a record is its latest revision; withdrawing a record is a revision that
// marks it withdrawn. `history` reads every revision back.
//
// Records are keyed by (kind, local authority code, id), so one database can hold one authority
// or the returns of all 153.
//
// Every change happens inside `transact`: all of it is written, or, if the work returns an error
// or throws, none of it.
//
// Thread-safety: a Store may be used from many threads; each call takes a connection from the
// backend's pool for its duration. A Writer belongs to the thread running its transaction.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "hearth/core/date.hpp"
#include "hearth/core/result.hpp"
#include "hearth/domain/entities.hpp"
#include "hearth/store/access_store.hpp"

namespace hearth::store {

using core::Result;
using core::Status;
using domain::RecordKind;

// Any record the store holds. The order of alternatives follows domain::RecordKind.
using Record =
    std::variant<domain::Child, domain::Person, domain::Relationship, domain::Agency, domain::Team,
                 domain::Practitioner, domain::Contact, domain::Referral, domain::Assessment,
                 domain::CinPlan, domain::StrategyDiscussion, domain::Section47Enquiry,
                 domain::Conference, domain::ProtectionPlan, domain::LookedAfterEpisode,
                 domain::Placement, domain::LookedAfterReview, domain::MissingEpisode,
                 domain::LookedAfterOutcome, domain::CareLeaverOutcome, domain::Adoption,
                 domain::PreviousPermanence, domain::SocialWorkerEpisode, domain::Carer,
                 domain::Provider, domain::AgencyRecord, domain::CaseNote>;

RecordKind kind_of(const Record& record);
const std::string& id_of(const Record& record);
const std::string& la_code_of(const Record& record);
// The child a record belongs to, or "" for records that belong to no one child (agencies, teams,
// carers, providers, people, agency records before linkage).
std::string child_id_of(const Record& record);

// The days a record is about, so that an engine can load only the records open in a year
// (decision 0015): a referral from its date to its closure, an assessment from its start to its
// authorisation, a section 47 enquiry from its start to its conference, a CIN or protection
// plan and a looked-after episode from start to end; `to` none while it is open. None for the
// other kinds, which every load by dates returns.
struct ActivePeriod {
  core::Date from;
  std::optional<core::Date> to;
};
std::optional<ActivePeriod> active_period(const Record& record);

// Days from `from` to `to`, both included.
struct DateRange {
  core::Date from;
  core::Date to;
};

// The JSON form in which a record is stored (and exported by `hearth synth --out`).
std::string to_json(const Record& record);
core::Result<Record> from_json(RecordKind kind, std::string_view json);

struct RecordKey {
  RecordKind kind;
  std::string la_code;
  std::string id;
  bool operator==(const RecordKey&) const = default;
};

// Who made a change, when, and why. `by` is a user id, or a process such as "synth" or
// "import:cin_2025.xml".
struct Change {
  std::string by;
  std::string reason;
  core::Timestamp at;
};

struct RevisionInfo {
  int revision = 0;  // 1 for the first version of a record
  Change change;
  bool withdrawn = false;
};

struct StoredRecord {
  Record record;
  RevisionInfo info;
};

template <typename T>
struct Stored {
  T value;
  RevisionInfo info;
};

// A child's whole current record: the child and every current (not withdrawn) record that
// belongs to them, each list in date order.
struct ChildRecord {
  Stored<domain::Child> child;
  std::vector<domain::Relationship> relationships;
  std::vector<domain::Person> people;  // the people named by `relationships`
  std::vector<domain::Contact> contacts;
  std::vector<domain::Referral> referrals;
  std::vector<domain::Assessment> assessments;
  std::vector<domain::CinPlan> cin_plans;
  std::vector<domain::StrategyDiscussion> strategy_discussions;
  std::vector<domain::Section47Enquiry> section47_enquiries;
  std::vector<domain::Conference> conferences;
  std::vector<domain::ProtectionPlan> protection_plans;
  std::vector<domain::LookedAfterEpisode> episodes;
  std::vector<domain::Placement> placements;
  std::vector<domain::LookedAfterReview> reviews;
  std::vector<domain::MissingEpisode> missing_episodes;
  std::vector<domain::LookedAfterOutcome> outcomes;
  std::vector<domain::CareLeaverOutcome> care_leaver_outcomes;
  std::vector<domain::Adoption> adoptions;
  std::vector<domain::PreviousPermanence> previous_permanence;
  std::vector<domain::SocialWorkerEpisode> social_worker_episodes;
  std::vector<domain::AgencyRecord> agency_records;
  std::vector<domain::CaseNote> case_notes;
};

struct ChildQuery {
  std::string la_code;  // empty: every authority
  std::string name;     // words that must each begin a name (given, family, preferred or
                        // former), case-insensitive; or a child id; empty: everyone
  std::string allocated_worker_id;  // non-empty: only children allocated to this practitioner
  std::string team_id;              // non-empty: only children allocated to this team
  // Set: restricted children are left out unless this account is on their named list. Unset:
  // every child (engines and the command line; the web always sets it).
  std::optional<std::string> viewer_account_id;
  int page = 1;        // 1-based
  int page_size = 25;  // 1..200
};

struct ChildSummary {
  std::string id;
  std::string la_code;
  domain::PersonName name;
  std::string sex;
  domain::OptionalDate date_of_birth;
  std::string postcode;
  std::string team_id;
  std::string allocated_worker_id;
  bool restricted = false;
};

// A child's line in a list, from the whole child.
ChildSummary summary_of(const domain::Child& child);

struct ChildPage {
  std::vector<ChildSummary> rows;
  int64_t total = 0;  // matches over all pages
  int page = 1;
  int page_size = 25;
};

// A partner agency's own records, newest first (by the date the agency recorded them, then id).
struct AgencyRecordQuery {
  std::string la_code;
  std::string agency_id;  // required
  std::string local_ref;  // non-empty: records whose own reference begins with this
                          // (case-insensitive)
  int page = 1;
  int page_size = 25;  // 1..200
};

struct AgencyRecordPage {
  std::vector<domain::AgencyRecord> rows;
  int64_t total = 0;
  int page = 1;
  int page_size = 25;
};

// Writes inside one transaction.
class Writer {
 public:
  virtual ~Writer() = default;
  // Appends a revision of `record`. With `expected_revision`, fails with kConflict unless the
  // record's current revision is exactly that (0: the record must not exist yet). Returns the
  // new revision number.
  virtual Result<int> put(const Record& record, const Change& change,
                          std::optional<int> expected_revision = std::nullopt) = 0;
  // Appends a revision marking the record withdrawn (its last content is kept).
  virtual Result<int> withdraw(const RecordKey& key, const Change& change) = 0;
};

struct OpenOptions {
  // Apply pending migrations on open (the default). When false, a database that needs migrating
  // is refused with a message saying to run `hearth migrate`.
  bool migrate = true;
  // Create a SQLite file that does not exist yet. `hearth serve` turns this off so that a typo in
  // --db is an error, not a new empty database.
  bool create = true;
  // SQLite only: a cap on the database's size in pages (0: none). At the cap a write fails
  // exactly as on a full disk; tests use it to show that a full disk loses nothing.
  int64_t sqlite_page_limit = 0;
  // SQLite only: read the file through a memory map instead of a system call a page. For a
  // command that reads much of the database once (an export reads a large authority's year,
  // about 200 MB, in 50,000 pages); the server leaves it off, as each write that grows the file
  // remaps it (sqlite_connection.cpp).
  bool sqlite_map_for_reading = false;
};

class Store {
 public:
  // `target` is a SQLite file path, or a postgresql:// (or postgres://) URL.
  // Errors: kCorrupt for a file that is not a SQLite database or a database of something else;
  // kUnavailable for an unreachable server; kIo for a folder that cannot be written; kConflict
  // for a database of a newer schema than this program knows.
  static Result<std::unique_ptr<Store>> open(std::string_view target, OpenOptions options = {});

  virtual ~Store() = default;

  virtual std::string_view backend() const = 0;  // "sqlite" or "postgresql"
  virtual Result<int> schema_version() = 0;

  // Runs `work` in one transaction and commits if it returns success. An error from `work`, an
  // error from a write, or an exception rolls everything back (the exception is rethrown).
  virtual Status transact(const std::function<Status(Writer&)>& work) = 0;

  // One record in one transaction.
  Result<int> put(const Record& record, const Change& change,
                  std::optional<int> expected_revision = std::nullopt);
  Result<int> withdraw(const RecordKey& key, const Change& change);

  // The current revision; kNotFound if there is none or the record is withdrawn.
  virtual Result<StoredRecord> get(const RecordKey& key) = 0;
  template <typename T>
  Result<Stored<T>> get_as(const RecordKey& key);

  // The current revisions of several records in one round trip, in no particular order; keys
  // with no current record (none, or withdrawn) are left out.
  virtual Result<std::vector<StoredRecord>> get_many(std::span<const RecordKey> keys) = 0;

  // Every revision of a record, oldest first (withdrawals included). kNotFound if none.
  virtual Result<std::vector<StoredRecord>> history(const RecordKey& key) = 0;

  virtual Result<ChildRecord> child_record(std::string_view la_code, std::string_view child_id) = 0;
  virtual Result<ChildPage> find_children(const ChildQuery& query) = 0;
  // kInvalid without an agency_id.
  virtual Result<AgencyRecordPage> find_agency_records(const AgencyRecordQuery& query) = 0;

  // Every current record of one kind in one authority (every authority if la_code is empty),
  // in id order: how the engines load their data.
  virtual Result<std::vector<Record>> load_all(RecordKind kind, std::string_view la_code) = 0;
  // The current records of the given kinds about these children of one authority (the child
  // records themselves when kChild is among the kinds), in no particular order: how an engine
  // loads what it needs of a few thousand children without decoding the whole authority.
  // With `during`, only the records whose active period meets it (and those with none).
  virtual Result<std::vector<Record>> load_for_children(
      std::string_view la_code, std::span<const std::string> child_ids,
      std::span<const RecordKind> kinds, std::optional<DateRange> during = std::nullopt) = 0;
  // As load_all, but only the records whose active period meets `during` (and those of a kind
  // with none, or written before periods were kept: decision 0015).
  virtual Result<std::vector<Record>> load_active(RecordKind kind, std::string_view la_code,
                                                  DateRange during) = 0;
  // The authorities that have records, with how many children each.
  virtual Result<std::vector<std::pair<std::string, int64_t>>> authorities() = 0;
  virtual Result<int64_t> count(RecordKind kind, std::string_view la_code) = 0;

  // Fast path for loading many new records at once (synthetic data, imports): one transaction,
  // each record as revision 1 with the same change. Fails with kConflict, writing nothing, if a
  // record already exists.
  virtual Result<int64_t> bulk_load(std::span<const Record> records, const Change& change) = 0;

  // Accounts, sessions, restricted lists, break-glass grants and the audit log (access_store.hpp),
  // in the same database. Lives as long as the Store.
  virtual AccessStore& access() = 0;
};

template <typename T>
Result<Stored<T>> Store::get_as(const RecordKey& key) {
  auto stored = get(key);
  if (!stored) return stored.error();
  if (!std::holds_alternative<T>(stored->record)) {
    return core::Error::internal("record of another kind under this key");
  }
  return Stored<T>{std::get<T>(std::move(stored->record)), stored->info};
}

}  // namespace hearth::store
