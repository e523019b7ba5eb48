#include "hearth/returns/ssda903.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <stdexcept>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "hearth/core/parallel.hpp"
#include "hearth/core/text.hpp"

namespace hearth::returns {
namespace {

using core::Date;
using domain::OptionalDate;

const std::vector<Ssda903Layout>& layouts() {
  static const std::vector<Ssda903Layout> kLayouts = {
      {Ssda903Table::kHeader,
       "Header",
       "header.csv",
       {"CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"},
       0},
      {Ssda903Table::kEpisodes,
       "Episodes",
       "episodes.csv",
       {"CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC",
        "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN"},
       0},
      {Ssda903Table::kReviews,
       "Reviews",
       "reviews.csv",
       {"CHILD", "DOB", "REVIEW", "REVIEW_CODE"},
       0},
      {Ssda903Table::kUasc, "UASC", "uasc.csv", {"CHILD", "SEX", "DOB", "DUC"}, 0},
      {Ssda903Table::kOc2,
       "OC2",
       "oc2.csv",
       {"CHILD", "DOB", "SDQ_SCORE", "SDQ_REASON", "CONVICTED", "HEALTH_CHECK", "IMMUNISATIONS",
        "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED",
        "INTERVENTION_OFFERED"},
       0},
      {Ssda903Table::kOc3, "OC3", "oc3.csv", {"CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"}, 0},
      {Ssda903Table::kAd1,
       "AD1",
       "ad1.csv",
       {"CHILD", "DOB", "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR",
        "LS_ADOPTR"},
       0},
      {Ssda903Table::kPlacedAdoption,
       "PlacedAdoption",
       "placed_for_adoption.csv",
       {"CHILD", "DOB", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"},
       0},
      {Ssda903Table::kPrevPerm,
       "PrevPerm",
       "previous_permanence.csv",
       {"CHILD", "DOB", "PREV_PERM", "LA_PERM", "DATE_PERM"},
       0},
      {Ssda903Table::kMissing,
       "Missing",
       "missing.csv",
       {"CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"},
       0},
      // Social worker episodes were added for 2023-24.
      {Ssda903Table::kSwEpisodes,
       "SWEpisodes",
       "sw_episodes.csv",
       {"CHILD", "DOB", "SW_ID", "SW_DECOM", "SW_DEC", "SW_REASON"},
       2024},
  };
  return kLayouts;
}

// The collection year as the return sees it on its reference date, 31 March: what happened
// after it has not happened yet.
struct Year {
  Date start;
  Date end;
  bool contains(Date d) const { return d >= start && d <= end; }
  bool open_in(Date from, const OptionalDate& to) const {
    return from <= end && (!to || *to >= start);
  }
  // An end date after the reference date is blank: on 31 March the thing was still open.
  std::string end_date(const OptionalDate& to) const {
    return to && *to <= end ? to->to_uk() : std::string();
  }
  bool ended(const OptionalDate& to) const { return to && *to <= end; }
};

std::string uk(const OptionalDate& d) {
  return d ? d->to_uk() : std::string();
}
std::string flag(const std::optional<bool>& b) {
  return b ? (*b ? "1" : "0") : "";
}
std::string number(const std::optional<int>& n) {
  return n ? std::to_string(*n) : "";
}

// SEX was 1 (male) and 2 (female) until 2023-24; M, F and U from 2024-25.
std::string sex_for(std::string_view sex, int year) {
  if (year >= 2025) return std::string(sex);
  if (sex == "M") return "1";
  if (sex == "F") return "2";
  return std::string(sex);
}

CsvTable empty_table(const Ssda903Layout& layout) {
  CsvTable t;
  t.file = std::string(layout.file);
  t.columns.assign(layout.columns.begin(), layout.columns.end());
  return t;
}

template <typename T, typename Key>
void sort_by(std::vector<const T*>& items, Key key) {
  std::sort(items.begin(), items.end(), [&](const T* a, const T* b) { return key(*a) < key(*b); });
}

}  // namespace

std::span<const Ssda903Layout> ssda903_layouts() {
  return layouts();
}

const Ssda903Layout& ssda903_layout(Ssda903Table table) {
  for (const auto& layout : layouts()) {
    if (layout.table == table) return layout;
  }
  throw std::logic_error("ssda903_layout: a table without a layout");
}

std::vector<const Ssda903Layout*> ssda903_tables_for(int year) {
  std::vector<const Ssda903Layout*> out;
  for (const auto& layout : layouts()) {
    if (year >= layout.first_year) out.push_back(&layout);
  }
  return out;
}

core::Result<const Ssda903Layout*> identify_ssda903_table(const CsvTable& table) {
  const std::set<std::string_view> have(table.columns.begin(), table.columns.end());
  const Ssda903Layout* nearest = nullptr;
  std::vector<std::string_view> nearest_missing, nearest_extra;
  size_t nearest_distance = SIZE_MAX;
  for (const auto& layout : layouts()) {
    const std::set<std::string_view> want(layout.columns.begin(), layout.columns.end());
    std::vector<std::string_view> missing, extra;
    std::set_difference(want.begin(), want.end(), have.begin(), have.end(),
                        std::back_inserter(missing));
    std::set_difference(have.begin(), have.end(), want.begin(), want.end(),
                        std::back_inserter(extra));
    if (missing.empty() && extra.empty()) return &layout;
    // Shared columns (CHILD, DOB) say little: judge by what differs, among tables sharing
    // more than those two.
    const size_t shared = want.size() - missing.size();
    const size_t distance = missing.size() + extra.size();
    if (shared > 2 && distance < nearest_distance) {
      nearest = &layout;
      nearest_distance = distance;
      nearest_missing = std::move(missing);
      nearest_extra = std::move(extra);
    }
  }
  std::string message;
  if (nearest) {
    message =
        fmt::format("is not an SSDA903 table: it looks like {} ({})", nearest->name, nearest->file);
    if (!nearest_missing.empty()) {
      message += fmt::format(" but has no column {}", fmt::join(nearest_missing, ", "));
    }
    if (!nearest_extra.empty()) {
      message += fmt::format("{} has a column {} that {} does not",
                             nearest_missing.empty() ? " but" : ", and",
                             fmt::join(nearest_extra, ", "), nearest->name);
    }
  } else {
    message = fmt::format("is not an SSDA903 table: its columns ({}) are none of the return's",
                          fmt::join(table.columns, ","));
  }
  return core::Error::invalid("columns", message).at(table.file, 1);
}

namespace {

namespace fs = std::filesystem;

// `in_folder`: a CSV file that is no table of the return (a report saved beside the tables) is
// passed over, and said so in `ignored`; named on its own, it is an error.
core::Status add_file(const fs::path& path, std::map<Ssda903Table, CsvTable>& tables,
                      std::map<Ssda903Table, std::string>& from, bool in_folder,
                      std::vector<std::string>& ignored) {
  auto table = read_csv_file(path);
  if (!table) return table.error();
  auto layout = identify_ssda903_table(*table);
  if (!layout && in_folder) {
    ignored.push_back(layout.error().describe());
    return {};
  }
  if (!layout) return layout.error();
  const auto kind = (*layout)->table;
  if (auto seen = from.find(kind); seen != from.end()) {
    return core::Error::invalid("", fmt::format("{} and {} are both the {} table: give one",
                                                seen->second, path.string(), (*layout)->name));
  }
  from[kind] = path.string();
  tables[kind] = std::move(*table);
  return {};
}

core::Status add_folder(const fs::path& folder, std::map<Ssda903Table, CsvTable>& tables,
                        std::map<Ssda903Table, std::string>& from,
                        std::vector<std::string>& ignored) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(folder, ec)) {
    if (entry.is_regular_file() && core::ascii_lower(entry.path().extension().string()) == ".csv") {
      files.push_back(entry.path());
    }
  }
  if (ec) return core::Error::io(fmt::format("cannot read {}: {}", folder.string(), ec.message()));
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    HEARTH_RETURN_IF_ERROR(add_file(file, tables, from, true, ignored));
  }
  return {};
}

}  // namespace

core::Result<Ssda903Files> read_ssda903_files(std::span<const std::string> paths, int year) {
  Ssda903Files files;
  files.year = year;
  std::map<Ssda903Table, std::string> from_current, from_previous;
  for (const auto& text : paths) {
    const fs::path path(text);
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      // This year's folder and last year's side by side (a large authority's 22 files take
      // 0.04 s one after the other, a quarter of validating them).
      const bool has_previous = fs::is_directory(path / "previous", ec);
      core::Status current_read, previous_read;
      std::vector<std::string> ignored_previous;
      core::run_on_threads(has_previous ? 2 : 1, [&](size_t part) {
        if (part == 0) {
          current_read = add_folder(path, files.current, from_current, files.ignored);
        } else {
          previous_read =
              add_folder(path / "previous", files.previous, from_previous, ignored_previous);
        }
      });
      HEARTH_RETURN_IF_ERROR(current_read);
      HEARTH_RETURN_IF_ERROR(previous_read);
      files.ignored.insert(files.ignored.end(), ignored_previous.begin(), ignored_previous.end());
    } else if (fs::exists(path, ec)) {
      HEARTH_RETURN_IF_ERROR(add_file(path, files.current, from_current, false, files.ignored));
    } else {
      return core::Error::not_found(fmt::format("there is no file or folder {}", text));
    }
  }
  if (files.current.empty()) {
    return core::Error::invalid("PATH", "no SSDA903 tables among the paths given");
  }
  return files;
}

std::vector<CsvTable> export_ssda903(const AuthorityRecords& records, int year) {
  const Year y{core::collection_year_start(year), core::collection_year_end(year)};
  std::unordered_map<std::string_view, const domain::Child*> child_by_id;
  for (const auto& child : records.children) child_by_id.emplace(child.id, &child);
  auto dob = [&](std::string_view id) {
    auto found = child_by_id.find(id);
    return found == child_by_id.end() ? std::string() : uk(found->second->date_of_birth);
  };

  // Episodes, and who is in the return.
  std::vector<const domain::LookedAfterEpisode*> episodes;
  for (const auto& e : records.episodes) {
    if (y.open_in(e.start_date, e.end_date)) episodes.push_back(&e);
  }
  sort_by(episodes, [](const auto& e) { return std::tie(e.child_id, e.start_date, e.id); });
  std::unordered_set<std::string_view> looked_after;
  // Children not looked after on 31 March: the day their last episode of the year ended.
  std::unordered_map<std::string_view, Date> left_care;
  {
    std::unordered_set<std::string_view> still_in_care;
    for (const auto* e : episodes) {
      if (!y.ended(e->end_date)) {
        still_in_care.insert(e->child_id);
      } else {
        auto [it, added] = left_care.emplace(e->child_id, *e->end_date);
        if (!added && it->second < *e->end_date) it->second = *e->end_date;
      }
    }
    for (auto id : still_in_care) left_care.erase(id);
  }
  std::unordered_set<std::string_view> not_short_breaks;  // an episode under another status
  for (const auto* e : episodes) {
    looked_after.insert(e->child_id);
    if (e->legal_status != "V3" && e->legal_status != "V4") not_short_breaks.insert(e->child_id);
  }
  std::vector<const domain::CareLeaverOutcome*> oc3;
  for (const auto& o : records.care_leaver_outcomes) {
    if (o.collection_year == year) oc3.push_back(&o);
  }
  // Who is in a year's UASC table (as the kUasc case below writes it): a child looked after in
  // the year whose status had not ceased before it.
  const Year last_year{core::collection_year_start(year - 1), core::collection_year_end(year - 1)};
  std::unordered_set<std::string_view> looked_after_last_year;
  for (const auto& e : records.episodes) {
    if (last_year.open_in(e.start_date, e.end_date)) looked_after_last_year.insert(e.child_id);
  }
  auto in_uasc_table = [&](std::string_view id, const Year& in,
                           const std::unordered_set<std::string_view>& cared_for) {
    auto found = child_by_id.find(id);
    if (found == child_by_id.end() || !cared_for.contains(id)) return false;
    const domain::Child& c = *found->second;
    return (c.uasc || c.uasc_ceased) && !(c.uasc_ceased && *c.uasc_ceased < in.start);
  };
  sort_by(oc3, [](const auto& o) { return std::tie(o.child_id, o.id); });
  std::set<std::string_view> in_return(looked_after.begin(), looked_after.end());
  for (const auto* o : oc3) in_return.insert(o->child_id);

  std::vector<CsvTable> out;
  for (const Ssda903Layout* layout : ssda903_tables_for(year)) {
    CsvTable t = empty_table(*layout);
    auto& rows = t.rows;
    switch (layout->table) {
      case Ssda903Table::kHeader:
        for (std::string_view id : in_return) {
          auto found = child_by_id.find(id);
          if (found == child_by_id.end()) continue;
          const domain::Child& c = *found->second;
          // Motherhood is asked of girls looked after in the year other than on short breaks:
          // not of care leavers who were not (rule 628), nor under V3/V4 alone (rule 399).
          const bool asked = c.sex == "F" && not_short_breaks.contains(c.id);
          rows.push_back({c.id, sex_for(c.sex, year), uk(c.date_of_birth), c.ethnicity,
                          c.upn.empty() ? c.upn_unknown : c.upn, asked ? flag(c.is_mother) : "",
                          asked && c.is_mother.value_or(false) ? uk(c.mother_child_dob) : ""});
        }
        break;
      case Ssda903Table::kEpisodes:
        for (const auto* e : episodes) {
          const bool ended = y.ended(e->end_date);
          // No home postcode for a child in this year's UASC table or last year's: the DfE
          // derives no distance from home for them (rule 406; 392b asks none), but still the
          // placement's authority (169, 179).
          const bool asylum = in_uasc_table(e->child_id, y, looked_after) ||
                              in_uasc_table(e->child_id, last_year, looked_after_last_year);
          rows.push_back({e->child_id, e->start_date.to_uk(), e->reason_new_episode,
                          e->legal_status, e->category_of_need, e->place, e->place_provider,
                          y.end_date(e->end_date), ended ? e->reason_episode_ceased : "",
                          ended ? e->reason_place_change : "", asylum ? "" : e->home_postcode,
                          e->placement_postcode, e->urn});
        }
        break;
      case Ssda903Table::kReviews: {
        std::vector<const domain::LookedAfterReview*> reviews;
        for (const auto& r : records.reviews) {
          if (y.contains(r.date) && looked_after.contains(r.child_id)) reviews.push_back(&r);
        }
        sort_by(reviews, [](const auto& r) { return std::tie(r.child_id, r.date, r.id); });
        for (const auto* r : reviews) {
          rows.push_back({r->child_id, dob(r->child_id), r->date.to_uk(), r->participation});
        }
        break;
      }
      case Ssda903Table::kUasc:
        // Children looked after in the year: a care leaver's UASC status is not asked (1014).
        for (std::string_view id :
             std::set<std::string_view>(looked_after.begin(), looked_after.end())) {
          auto found = child_by_id.find(id);
          if (found == child_by_id.end()) continue;
          const domain::Child& c = *found->second;
          // A status that ended before the year is not this year's (205A, 205B).
          if (!in_uasc_table(id, y, looked_after)) continue;
          // DUC is the date the status ceased or, while it lasts, the date it will: the 18th
          // birthday (the DfE's rules 205B and 304 read it so), as it stood on 31 March. For a
          // child who left care in the year before 18, the return's UASC status ends with the
          // care (205A: next year's return has no UASC row for the child).
          OptionalDate ceased = c.uasc_ceased;
          if (!ceased || *ceased > y.end) {
            ceased = std::nullopt;
            if (c.date_of_birth) ceased = c.date_of_birth->add_years(18);
            if (auto left = left_care.find(c.id);
                ceased && left != left_care.end() && left->second < *ceased) {
              ceased = left->second;
            }
          }
          rows.push_back({c.id, sex_for(c.sex, year), uk(c.date_of_birth), uk(ceased)});
        }
        break;
      case Ssda903Table::kOc2: {
        std::vector<const domain::LookedAfterOutcome*> oc2;
        for (const auto& o : records.outcomes) {
          if (o.collection_year == year) oc2.push_back(&o);
        }
        sort_by(oc2, [](const auto& o) { return std::tie(o.child_id, o.id); });
        for (const auto* o : oc2) {
          rows.push_back({o->child_id, dob(o->child_id), number(o->sdq_score), o->sdq_reason,
                          flag(o->convicted), flag(o->health_check), flag(o->immunisations),
                          flag(o->teeth_check), flag(o->health_assessment),
                          flag(o->substance_misuse), flag(o->intervention_received),
                          flag(o->intervention_offered)});
        }
        break;
      }
      case Ssda903Table::kOc3:
        for (const auto* o : oc3) {
          rows.push_back(
              {o->child_id, dob(o->child_id), o->in_touch, o->activity, o->accommodation});
        }
        break;
      case Ssda903Table::kAd1: {
        std::unordered_set<std::string_view> adopted;
        for (const auto* e : episodes) {
          if (y.ended(e->end_date) &&
              (e->reason_episode_ceased == "E11" || e->reason_episode_ceased == "E12")) {
            adopted.insert(e->child_id);
          }
        }
        // Adoptions that hold AD1's items: a placement for adoption alone is not an AD1 row.
        // One row a child (INT31): the last recorded, when an earlier adoption was disrupted.
        std::map<std::string_view, const domain::Adoption*> latest;
        for (const auto& a : records.adoptions) {
          const bool has_ad1_items = a.decision_date || a.matched_date || a.number_of_adopters ||
                                     a.foster_care || !a.sex_of_adopters.empty();
          if (!adopted.contains(a.child_id) || !has_ad1_items) continue;
          auto& kept = latest[a.child_id];
          if (!kept || kept->id < a.id) kept = &a;
        }
        std::vector<const domain::Adoption*> ad1;
        for (const auto& [child, a] : latest) ad1.push_back(a);
        for (const auto* a : ad1) {
          rows.push_back({a->child_id, dob(a->child_id), uk(a->decision_date), uk(a->matched_date),
                          flag(a->foster_care), number(a->number_of_adopters), a->sex_of_adopters,
                          a->adopters_legal_status});
        }
        break;
      }
      case Ssda903Table::kPlacedAdoption: {
        std::vector<const domain::Adoption*> placed;
        for (const auto& a : records.adoptions) {
          if (a.placed_date && looked_after.contains(a.child_id) &&
              y.open_in(*a.placed_date, a.placed_ceased_date)) {
            placed.push_back(&a);
          }
        }
        sort_by(placed, [](const auto& a) { return std::tie(a.child_id, a.placed_date, a.id); });
        for (const auto* a : placed) {
          const bool ceased = y.ended(a->placed_ceased_date);
          rows.push_back({a->child_id, dob(a->child_id), uk(a->placed_date),
                          y.end_date(a->placed_ceased_date),
                          ceased ? a->reason_placed_ceased : ""});
        }
        break;
      }
      case Ssda903Table::kPrevPerm: {
        std::unordered_set<std::string_view> started;
        for (const auto* e : episodes) {
          if (e->reason_new_episode == "S" && y.contains(e->start_date)) {
            started.insert(e->child_id);
          }
        }
        // One row a child (the DfE's INT35): a child in care more than once has a record for
        // each period, and the last recorded is this one's.
        std::map<std::string_view, const domain::PreviousPermanence*> latest;
        for (const auto& p : records.previous_permanence) {
          if (!started.contains(p.child_id)) continue;
          auto& kept = latest[p.child_id];
          if (!kept || kept->id < p.id) kept = &p;
        }
        std::vector<const domain::PreviousPermanence*> perm;
        for (const auto& [child, p] : latest) perm.push_back(p);
        for (const auto* p : perm) {
          rows.push_back({p->child_id, dob(p->child_id), p->order, p->la_of_order, p->date_text});
        }
        break;
      }
      case Ssda903Table::kMissing: {
        std::vector<const domain::MissingEpisode*> missing;
        for (const auto& m : records.missing) {
          if (looked_after.contains(m.child_id) && y.open_in(m.start_date, m.end_date)) {
            missing.push_back(&m);
          }
        }
        sort_by(missing, [](const auto& m) { return std::tie(m.child_id, m.start_date, m.id); });
        for (const auto* m : missing) {
          rows.push_back({m->child_id, dob(m->child_id), m->type, m->start_date.to_uk(),
                          y.end_date(m->end_date)});
        }
        break;
      }
      case Ssda903Table::kSwEpisodes: {
        // The social worker reporting period: the collection year in 2023-24, and from 2024-25
        // the year before it too (rules SW06, SW07, SW12).
        const Year reporting{year >= 2025 ? y.start.add_years(-1) : y.start, y.end};
        std::vector<const domain::SocialWorkerEpisode*> sw;
        for (const auto& s : records.social_worker_episodes) {
          if (looked_after.contains(s.child_id) && reporting.open_in(s.start_date, s.end_date)) {
            sw.push_back(&s);
          }
        }
        sort_by(sw, [](const auto& s) { return std::tie(s.child_id, s.start_date, s.id); });
        for (const auto* s : sw) {
          rows.push_back({s->child_id, dob(s->child_id), s->sw_id, s->start_date.to_uk(),
                          y.end_date(s->end_date), s->change_reason});
        }
        break;
      }
    }
    t.lines.resize(t.rows.size());
    for (size_t i = 0; i < t.lines.size(); ++i) t.lines[i] = static_cast<int64_t>(i) + 2;
    out.push_back(std::move(t));
  }
  return out;
}

Ssda903Files export_ssda903_files(const AuthorityRecords& records, int year) {
  Ssda903Files files;
  files.year = year;
  for (auto [tables, of_year] :
       {std::pair{&files.current, year}, std::pair{&files.previous, year - 1}}) {
    auto exported = export_ssda903(records, of_year);
    const auto layouts = ssda903_tables_for(of_year);
    for (size_t i = 0; i < exported.size(); ++i)
      (*tables)[layouts[i]->table] = std::move(exported[i]);
  }
  return files;
}

}  // namespace hearth::returns
