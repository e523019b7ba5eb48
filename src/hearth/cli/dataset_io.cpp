// Synthetic datasets into the store and onto disk.
#include "hearth/cli/dataset_io.hpp"

#include <fstream>
#include <map>
#include <set>
#include <unordered_map>

#include <fmt/format.h>

#include "hearth/core/env.hpp"
#include "hearth/returns/authority_records.hpp"
#include "hearth/returns/cin_census.hpp"
#include "hearth/returns/csv.hpp"
#include "hearth/returns/ssda903.hpp"

namespace hearth::cli {

using returns::csv_field;

namespace {

template <typename T>
void append(std::vector<store::Record>& out, const std::vector<T>& items) {
  for (const auto& item : items) out.emplace_back(item);
}

// Children with earlier revisions: the list of their revisions, oldest first.
std::unordered_map<std::string, std::vector<const synth::Dataset::ChildHistory*>> histories(
    const synth::Dataset& dataset) {
  std::unordered_map<std::string, std::vector<const synth::Dataset::ChildHistory*>> out;
  for (const auto& entry : dataset.child_history) out[entry.before.id].push_back(&entry);
  return out;
}

core::Status write_text(const std::filesystem::path& path, const std::string& text);

// The reference data of a synthetic authority's return (ssda903_reference.hpp), as the files an
// analyst would name with --postcodes and --providers: every postcode its episodes give, a few
// kilometres about a point of the National Grid of its own, all in the authority; and every URN,
// registered for the placements and providers its episodes give it, at the postcode of its
// placements (a children's home's) or of the first one (an agency's). Made from the return, so
// the synthetic return agrees with it; the rules' own tests are where they fail.
core::Status write_reference(const std::vector<returns::CsvTable>& episodes,
                             const std::string& ons_code, const std::filesystem::path& folder) {
  std::set<std::string> postcodes;
  struct Registered {
    std::set<std::string> places, providers;
    std::string postcode;
    bool postcode_of_premises = false;
  };
  std::map<std::string, Registered> urns;
  for (const returns::CsvTable& t : episodes) {
    const size_t home = *t.column("HOME_POST"), placed = *t.column("PL_POST"),
                 urn = *t.column("URN"), place = *t.column("PLACE"),
                 provider = *t.column("PLACE_PROVIDER");
    for (const auto& row : t.rows) {
      for (size_t c : {home, placed}) {
        if (!row[c].empty()) postcodes.insert(row[c]);
      }
      if (row[urn].empty() || row[urn] == "XXXXXXX") continue;
      Registered& r = urns[row[urn]];
      r.places.insert(row[place]);
      if (!row[provider].empty()) r.providers.insert(row[provider]);
      const bool premises = row[place] == "K1" || row[place] == "K2" || row[place] == "K3" ||
                            row[place] == "R3" || row[place] == "S1";
      if (!row[placed].empty() && (r.postcode.empty() || (premises && !r.postcode_of_premises))) {
        r.postcode = row[placed];
        r.postcode_of_premises = premises;
      }
    }
  }
  // The authority's point: anywhere on England's part of the grid, by its code.
  const uint64_t centre = core::stable_hash(ons_code);
  const int64_t east = 150'000 + static_cast<int64_t>(centre % 450'000);
  const int64_t north = 50'000 + static_cast<int64_t>((centre / 450'000) % 550'000);
  std::string directory = "pcd,oslaua,oscty,oseast1m,osnrth1m\n";
  for (const std::string& postcode : postcodes) {
    const uint64_t h = core::stable_hash(postcode);
    directory += fmt::format("{},{},E99999999,{},{}\n", returns::csv_field(postcode), ons_code,
                             east + static_cast<int64_t>(h % 12'000) - 6'000,
                             north + static_cast<int64_t>((h / 12'000) % 12'000) - 6'000);
  }
  auto joined = [](const std::set<std::string>& codes) {
    std::string out;
    for (const auto& code : codes) out += (out.empty() ? "" : ",") + code;
    return returns::csv_field(out);
  };
  std::string register_csv =
      "URN,Placement code,Placement provider code,Setting postcode,Deregistration date\n";
  for (const auto& [urn, r] : urns) {
    register_csv += fmt::format("{},{},{},{},\n", returns::csv_field(urn), joined(r.places),
                                joined(r.providers), returns::csv_field(r.postcode));
  }
  std::error_code ec;
  std::filesystem::create_directories(folder, ec);
  if (ec) {
    return core::Error::io(fmt::format("cannot create {}: {}", folder.string(), ec.message()));
  }
  HEARTH_RETURN_IF_ERROR(write_text(folder / "postcodes.csv", directory));
  return write_text(folder / "providers.csv", register_csv);
}

}  // namespace

std::vector<store::Record> current_records(const synth::Dataset& dataset, bool oldest_children) {
  std::vector<store::Record> out;
  out.reserve(dataset.record_count());
  append(out, dataset.teams);
  append(out, dataset.practitioners);
  append(out, dataset.agencies);
  append(out, dataset.carers);
  append(out, dataset.providers);
  if (oldest_children) {
    const auto history = histories(dataset);
    for (const auto& child : dataset.children) {
      auto found = history.find(child.id);
      if (found == history.end()) {
        out.emplace_back(child);
      } else {
        out.emplace_back(found->second.front()->before);
      }
    }
  } else {
    append(out, dataset.children);
  }
  append(out, dataset.people);
  append(out, dataset.relationships);
  append(out, dataset.contacts);
  append(out, dataset.referrals);
  append(out, dataset.assessments);
  append(out, dataset.cin_plans);
  append(out, dataset.strategy_discussions);
  append(out, dataset.section47_enquiries);
  append(out, dataset.conferences);
  append(out, dataset.protection_plans);
  append(out, dataset.episodes);
  append(out, dataset.placements);
  append(out, dataset.reviews);
  append(out, dataset.missing_episodes);
  append(out, dataset.outcomes);
  append(out, dataset.care_leaver_outcomes);
  append(out, dataset.adoptions);
  append(out, dataset.previous_permanence);
  append(out, dataset.social_worker_episodes);
  append(out, dataset.agency_records);
  append(out, dataset.case_notes);
  return out;
}

core::Result<int64_t> load_dataset(store::Store& store, const synth::Dataset& dataset,
                                   uint64_t seed) {
  const auto records = current_records(dataset, /*oldest_children=*/true);
  const store::Change loaded{"synth",
                             fmt::format("synthetic local authority {} {} (seed {})",
                                         dataset.authority.la_code, dataset.authority.name, seed),
                             core::Timestamp::from_date(core::Date::from_days(0))};
  // Recorded as at the start of the history: later revisions carry their own dates.
  store::Change first = loaded;
  if (!dataset.referrals.empty()) {
    core::Date earliest = dataset.referrals.front().referral_date;
    for (const auto& r : dataset.referrals) earliest = std::min(earliest, r.referral_date);
    first.at = core::Timestamp::from_date(earliest, 9);
  }
  auto count = store.bulk_load(records, first);
  if (!count) return count.error();

  // Later revisions: each change of a child's record on the day it happened.
  const auto history = histories(dataset);
  std::unordered_map<std::string, const domain::Child*> current;
  for (const auto& child : dataset.children) current[child.id] = &child;
  int64_t revisions = 0;
  auto done = store.transact([&](store::Writer& writer) -> core::Status {
    for (const auto& [child_id, entries] : history) {
      for (size_t i = 0; i < entries.size(); ++i) {
        const domain::Child& after =
            i + 1 < entries.size() ? entries[i + 1]->before : *current.at(child_id);
        store::Change change{"synth", entries[i]->reason,
                             core::Timestamp::from_date(entries[i]->changed_on, 10)};
        auto written = writer.put(after, change);
        if (!written) return written.error();
        ++revisions;
      }
    }
    return {};
  });
  if (!done) return done.error();
  // Loading records changes children's records: one audit entry says who loaded what, and when.
  store::AuditEvent event;
  event.at = core::SystemClock().now();
  event.actor_name = "synth";
  event.action = "records.load";
  event.outcome = "allowed";
  event.la_code = dataset.authority.la_code;
  event.target =
      fmt::format("{} records and {} later revisions of children's records", *count, revisions);
  event.reason = loaded.reason;
  event.address = "local";
  const store::AuditEvent events[] = {event};
  if (auto audited = store.access().append_audit(events); !audited) return audited.error();
  return *count + revisions;
}

core::Status write_dataset(const synth::Dataset& dataset, const std::filesystem::path& folder) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::create_directories(folder, ec);
  if (ec)
    return core::Error::io(fmt::format("cannot create {}: {}", folder.string(), ec.message()));
  auto open = [&](const char* name, std::ofstream& out) -> core::Status {
    out.open(folder / name, std::ios::binary | std::ios::trunc);
    if (!out) return core::Error::io(fmt::format("cannot write {}", (folder / name).string()));
    return {};
  };
  std::ofstream records, people, truth;
  for (auto [name, stream] : {std::pair{"records.jsonl", &records},
                              std::pair{"people.csv", &people}, std::pair{"truth.csv", &truth}}) {
    if (auto opened = open(name, *stream); !opened) return opened;
  }
  std::string line;
  for (const auto& record : current_records(dataset, /*oldest_children=*/false)) {
    line.clear();
    line += "{\"kind\":\"";
    line += domain::record_kind_name(store::kind_of(record));
    line += "\",\"record\":";
    line += store::to_json(record);
    line += "}\n";
    records << line;
  }
  // The linkage view: every person record the authority and the agencies hold.
  people << "record_id,source,given_name,family_name,date_of_birth,sex,postcode,nhs_number,upn\n";
  for (const auto& child : dataset.children) {
    people << csv_field(child.id) << ",social_care," << csv_field(child.name.given) << ','
           << csv_field(child.name.family) << ','
           << (child.date_of_birth ? child.date_of_birth->to_iso() : "") << ',' << child.sex << ','
           << csv_field(child.postcode) << ',' << csv_field(child.nhs_number) << ','
           << csv_field(child.upn) << '\n';
  }
  for (const auto& r : dataset.agency_records) {
    people << csv_field(r.id) << ',' << r.source << ',' << csv_field(r.given_name) << ','
           << csv_field(r.family_name) << ',' << r.date_of_birth << ',' << r.sex << ','
           << csv_field(r.postcode) << ',' << csv_field(r.nhs_number) << ',' << csv_field(r.upn)
           << '\n';
  }
  truth << "record_id,source,person_id\n";
  for (const auto& row : dataset.truth) {
    truth << csv_field(row.record_id) << ',' << row.source << ',' << csv_field(row.person_id)
          << '\n';
  }
  for (auto* stream : {&records, &people, &truth}) {
    stream->flush();
    if (!*stream)
      return core::Error::io(fmt::format("writing into {} failed (disk full?)", folder.string()));
  }
  return {};
}

namespace {

// The records as the store would give them to an export: each kind in id order.
template <typename T>
std::vector<T> in_id_order(const std::vector<T>& items) {
  std::vector<T> out = items;
  std::sort(out.begin(), out.end(), [](const T& a, const T& b) { return a.id < b.id; });
  return out;
}

core::Status write_text(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (!out) return core::Error::io(fmt::format("cannot write {} (disk full?)", path.string()));
  return {};
}

}  // namespace

core::Status write_returns(const synth::Dataset& dataset, const std::filesystem::path& folder,
                           int year) {
  namespace fs = std::filesystem;
  returns::AuthorityRecords r;
  r.la_code = dataset.authority.la_code;
  r.children = in_id_order(dataset.children);
  r.episodes = in_id_order(dataset.episodes);
  r.reviews = in_id_order(dataset.reviews);
  r.missing = in_id_order(dataset.missing_episodes);
  r.outcomes = in_id_order(dataset.outcomes);
  r.care_leaver_outcomes = in_id_order(dataset.care_leaver_outcomes);
  r.adoptions = in_id_order(dataset.adoptions);
  r.previous_permanence = in_id_order(dataset.previous_permanence);
  r.social_worker_episodes = in_id_order(dataset.social_worker_episodes);
  r.referrals = in_id_order(dataset.referrals);
  r.assessments = in_id_order(dataset.assessments);
  r.cin_plans = in_id_order(dataset.cin_plans);
  r.section47_enquiries = in_id_order(dataset.section47_enquiries);
  r.protection_plans = in_id_order(dataset.protection_plans);

  std::error_code ec;
  fs::create_directories(folder / "903" / "previous", ec);
  if (ec) {
    return core::Error::io(fmt::format("cannot create {}: {}", folder.string(), ec.message()));
  }
  std::vector<returns::CsvTable> episodes;  // both years', for the reference data
  for (const auto& [subfolder, tables_year] :
       {std::pair{fs::path("903"), year}, std::pair{fs::path("903") / "previous", year - 1}}) {
    for (auto& table : returns::export_ssda903(r, tables_year)) {
      HEARTH_RETURN_IF_ERROR(
          write_text(folder / subfolder / table.file, returns::write_csv(table)));
      if (table.file == returns::ssda903_layout(returns::Ssda903Table::kEpisodes).file) {
        episodes.push_back(std::move(table));
      }
    }
  }
  HEARTH_RETURN_IF_ERROR(
      write_reference(episodes, dataset.authority.ons_code, folder / "reference"));
  if (year >= returns::kFirstCinCensusYear) {
    // Dated as if produced on the morning after the year ended, so that the files are the
    // same on every run.
    const auto produced =
        core::Timestamp::from_date(core::collection_year_end(year).add_days(1), 9);
    HEARTH_RETURN_IF_ERROR(
        write_text(folder / "cin.xml",
                   returns::write_cin_census(returns::export_cin_census(r, year, produced))));
  }
  return {};
}

}  // namespace hearth::cli
