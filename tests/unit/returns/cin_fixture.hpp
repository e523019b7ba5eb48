// A CIN census for 2025-26 that passes every rule, as XML, for the CIN tests: C1 (school age,
// eight disabilities) was referred in June, assessed, had a section 47 enquiry and is on a
// child protection plan; C2 (aged 3) had an assessment and a CIN plan and her case closed in
// January; C3 is unborn, referred in February with no further action.
#pragma once

#include <string>

#include "hearth/domain/values.hpp"
#include "hearth/returns/cin_census.hpp"

namespace hearth::returns::test {

// C1's UPN: authority 202, with its check letter.
inline std::string c1_upn() {
  const std::string body = "202620115123";
  return std::string(1, domain::Upn::check_letter(body)) + body;
}

inline std::string valid_census_xml() {
  return R"(<?xml version="1.0" encoding="UTF-8"?>
<Message>
  <Header>
    <CollectionDetails>
      <Collection>CIN</Collection>
      <Year>2026</Year>
      <ReferenceDate>2026-03-31</ReferenceDate>
    </CollectionDetails>
    <Source>
      <SourceLevel>L</SourceLevel>
      <LEA>202</LEA>
      <SoftwareCode>Hearth</SoftwareCode>
      <Release>0.1.0</Release>
      <SerialNo>001</SerialNo>
      <DateTime>2026-05-01T09:00:00</DateTime>
    </Source>
  </Header>
  <Children>
    <Child>
      <ChildIdentifiers>
        <LAchildID>C1</LAchildID>
        <UPN>)" +
         c1_upn() +
         R"(</UPN>
        <PersonBirthDate>2015-05-10</PersonBirthDate>
        <Sex>M</Sex>
      </ChildIdentifiers>
      <ChildCharacteristics>
        <Ethnicity>WBRI</Ethnicity>
        <Disabilities>
          <Disability>MOB</Disability>
          <Disability>HAND</Disability>
          <Disability>PC</Disability>
          <Disability>INC</Disability>
          <Disability>COMM</Disability>
          <Disability>LD</Disability>
          <Disability>HEAR</Disability>
          <Disability>VIS</Disability>
        </Disabilities>
      </ChildCharacteristics>
      <CINdetails>
        <CINreferralDate>2025-06-02</CINreferralDate>
        <ReferralSource>2A</ReferralSource>
        <PrimaryNeedCode>N1</PrimaryNeedCode>
        <Assessments>
          <AssessmentActualStartDate>2025-06-03</AssessmentActualStartDate>
          <AssessmentAuthorisationDate>2025-06-20</AssessmentAuthorisationDate>
          <FactorsIdentifiedAtAssessment>
            <AssessmentFactors>5A</AssessmentFactors>
            <AssessmentFactors>16A</AssessmentFactors>
          </FactorsIdentifiedAtAssessment>
        </Assessments>
        <Section47>
          <S47ActualStartDate>2025-06-05</S47ActualStartDate>
          <InitialCPCtarget>2025-06-26</InitialCPCtarget>
          <DateOfInitialCPC>2025-06-24</DateOfInitialCPC>
          <ICPCnotRequired>false</ICPCnotRequired>
        </Section47>
        <ReferralNFA>false</ReferralNFA>
        <ChildProtectionPlans>
          <CPPstartDate>2025-06-24</CPPstartDate>
          <InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse>
          <LatestCategoryOfAbuse>NEG</LatestCategoryOfAbuse>
          <NumberOfPreviousCPP>0</NumberOfPreviousCPP>
          <Reviews>
            <CPPreviewDate>2025-09-15</CPPreviewDate>
          </Reviews>
        </ChildProtectionPlans>
      </CINdetails>
    </Child>
    <Child>
      <ChildIdentifiers>
        <LAchildID>C2</LAchildID>
        <UPNunknown>UN1</UPNunknown>
        <PersonBirthDate>2023-01-15</PersonBirthDate>
        <Sex>F</Sex>
      </ChildIdentifiers>
      <ChildCharacteristics>
        <Ethnicity>BAFR</Ethnicity>
        <Disabilities>
          <Disability>NONE</Disability>
        </Disabilities>
      </ChildCharacteristics>
      <CINdetails>
        <CINreferralDate>2025-04-10</CINreferralDate>
        <ReferralSource>6</ReferralSource>
        <PrimaryNeedCode>N4</PrimaryNeedCode>
        <CINclosureDate>2026-01-20</CINclosureDate>
        <ReasonForClosure>RC7</ReasonForClosure>
        <Assessments>
          <AssessmentActualStartDate>2025-04-11</AssessmentActualStartDate>
          <AssessmentAuthorisationDate>2025-05-01</AssessmentAuthorisationDate>
          <FactorsIdentifiedAtAssessment>
            <AssessmentFactors>3A</AssessmentFactors>
          </FactorsIdentifiedAtAssessment>
        </Assessments>
        <CINPlanDates>
          <CINPlanStartDate>2025-05-02</CINPlanStartDate>
          <CINPlanEndDate>2026-01-20</CINPlanEndDate>
        </CINPlanDates>
        <ReferralNFA>false</ReferralNFA>
      </CINdetails>
    </Child>
    <Child>
      <ChildIdentifiers>
        <LAchildID>C3</LAchildID>
        <UPNunknown>UN1</UPNunknown>
        <ExpectedPersonBirthDate>2026-05-01</ExpectedPersonBirthDate>
        <Sex>U</Sex>
      </ChildIdentifiers>
      <ChildCharacteristics>
        <Ethnicity>NOBT</Ethnicity>
      </ChildCharacteristics>
      <CINdetails>
        <CINreferralDate>2026-02-01</CINreferralDate>
        <ReferralSource>3B</ReferralSource>
        <CINclosureDate>2026-02-01</CINclosureDate>
        <ReasonForClosure>RC7</ReasonForClosure>
        <ReferralNFA>true</ReferralNFA>
      </CINdetails>
    </Child>
  </Children>
</Message>
)";
}

inline CinCensus valid_census() {
  auto census = parse_cin_census(valid_census_xml(), "cin.xml", 2026);
  if (!census) throw std::runtime_error(census.error().message);
  return std::move(*census);
}

// A value of a module's row, to change.
inline std::string& cell(CinCensus& census, CinModule module, size_t row, std::string_view column) {
  CsvTable& t = census.table(module);
  return t.rows.at(row).at(t.column(column).value());
}

// A new row of a module: the columns named, the rest empty. Its index.
inline size_t add_row(CinCensus& census, CinModule module,
                      std::initializer_list<std::pair<std::string_view, std::string>> values) {
  CsvTable& t = census.table(module);
  t.rows.emplace_back(t.columns.size());
  t.lines.push_back(t.lines.empty() ? 2 : t.lines.back() + 1);
  for (const auto& [column, value] : values) t.rows.back().at(t.column(column).value()) = value;
  // A module of the child's own (its details, disabilities) names the <Child> element too, as
  // the reader does: the first child with that LAchildID, unless the row gives its own.
  const auto number = t.column("ChildNumber"), child = t.column("LAchildID");
  if (number && child && t.rows.back()[*number].empty() && module != CinModule::kChildIdentifiers) {
    const CsvTable& ids = census.table(CinModule::kChildIdentifiers);
    const size_t id = ids.column("LAchildID").value(), its = ids.column("ChildNumber").value();
    for (const auto& row : ids.rows) {
      if (row[id] == t.rows.back()[*child]) {
        t.rows.back()[*number] = row[its];
        break;
      }
    }
  }
  return t.rows.size() - 1;
}

// Removes the rows of a module for which `pick` holds.
template <typename F>
void remove_rows(CinCensus& census, CinModule module, F&& pick) {
  CsvTable& t = census.table(module);
  for (size_t r = t.rows.size(); r-- > 0;) {
    if (pick(t.rows[r])) {
      t.rows.erase(t.rows.begin() + static_cast<std::ptrdiff_t>(r));
      t.lines.erase(t.lines.begin() + static_cast<std::ptrdiff_t>(r));
    }
  }
}

// Gives child `from` the id `to` in every module.
inline void rename_child(CinCensus& census, const std::string& from, const std::string& to) {
  for (auto& [module, t] : census.tables) {
    auto column = t.column("LAchildID");
    if (!column) continue;
    for (auto& row : t.rows) {
      if (row[*column] == from) row[*column] = to;
    }
  }
}

}  // namespace hearth::returns::test
