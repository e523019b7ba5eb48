// The reference data some SSDA903 rules need: the ONS postcode directory and Ofsted's providers,
// as files, and the PL_LA, PL_LOCATION and PL_DISTANCE derived from them.
#include "hearth/returns/ssda903_reference.hpp"

#include <sstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace hearth::returns {
namespace {

using ::testing::HasSubstr;

core::Result<PostcodeDirectory> directory(const std::string& text) {
  std::istringstream in(text);
  return read_postcode_directory(in, "onspd.csv");
}

// The shape of ONSPD's CSV (some of its 50-odd columns), with made-up postcodes and places.
const char* kOnspd =
    "\"pcd\",\"pcd2\",\"dointr\",\"oscty\",\"oslaua\",\"oseast1m\",\"osnrth1m\"\r\n"
    "\"ZZ1 1AA\",\"ZZ1  1AA\",\"198001\",\"E99999999\",\"E09000007\",\"529090\",\"184363\"\r\n"
    "\"ZZ2 2BB\",\"ZZ2  2BB\",\"198001\",\"E10000014\",\"E07000085\",\"455000\",\"150000\"\r\n"
    "\"ZZ3 3CC\",\"ZZ3  3CC\",\"198001\",\"W99999999\",\"W06000015\",\"318000\",\"176000\"\r\n"
    "\"GY1 1AA\",\"GY1  1AA\",\"198001\",\"L99999999\",\"L99999999\",\"\",\"\"\r\n";

TEST(PostcodeDirectory, ReadsTheOnsColumnsByNameAndFindsTheUpperTier) {
  auto read = directory(kOnspd);
  ASSERT_TRUE(read) << read.error().describe();
  EXPECT_EQ(read->size(), 4u);
  const PostcodePlace* london = read->find("zz11aa");  // case and spaces as the validator
  ASSERT_NE(london, nullptr);
  EXPECT_EQ(london->authority, "E09000007");
  EXPECT_EQ(london->grid, (std::pair{529090, 184363}));
  EXPECT_EQ(read->find("ZZ2 2BB")->authority, "E10000014");  // a district of a county: the county
  EXPECT_EQ(read->find("ZZ3 3CC")->authority, "W06000015");
  EXPECT_EQ(read->find("GY1 1AA")->authority, "");  // the Channel Islands: no authority, no grid
  EXPECT_FALSE(read->find("GY1 1AA")->grid);
  EXPECT_EQ(read->find("ZZ1"), nullptr);  // an outward code alone is no postcode
  EXPECT_EQ(read->find("ZZ9 9ZZ"), nullptr);
}

TEST(PostcodeDirectory, ReadsTheNsplAndNewerOnspdNames) {
  auto nspl = directory("pcd,laua,cty,oseast1m,osnrth1m\nZZ1 1AA,E06000001,E99999999,1,2\n");
  ASSERT_TRUE(nspl) << nspl.error().describe();
  EXPECT_EQ(nspl->find("ZZ1 1AA")->authority, "E06000001");
  auto newer = directory("pcd7,lad25cd,cty25cd,east1m,north1m\nZZ1 1AA,E07000001,E10000002,1,2\n");
  ASSERT_TRUE(newer) << newer.error().describe();
  EXPECT_EQ(newer->find("ZZ1 1AA")->authority, "E10000002");
}

TEST(PostcodeDirectory, NamesTheFileLineAndColumnOfWhatItCannotRead) {
  auto empty = directory("");
  ASSERT_FALSE(empty);
  EXPECT_THAT(empty.error().message, HasSubstr("onspd.csv is empty"));
  auto wrong = directory("URN,Placement code\n1,K2\n");
  ASSERT_FALSE(wrong);
  EXPECT_THAT(wrong.error().message, HasSubstr("onspd.csv line 1: no column for the postcode"));
  auto short_row = directory("pcd,laua,oseast1m,osnrth1m\nZZ1 1AA,E06000001,1,2\nZZ1 2BB,E06\n");
  ASSERT_FALSE(short_row);
  EXPECT_THAT(short_row.error().message, HasSubstr("onspd.csv line 3: 2 fields"));
  auto grid = directory("pcd,laua,oseast1m,osnrth1m\nZZ1 1AA,E06000001,12.5,2\n");
  ASSERT_FALSE(grid);
  EXPECT_THAT(grid.error().message,
              HasSubstr("onspd.csv line 2, column oseast1m: the grid reference 12.5,2"));
  auto no_county = directory("pcd,laua,oseast1m,osnrth1m\nZZ1 1AA,E07000085,1,2\n");
  ASSERT_FALSE(no_county);
  EXPECT_THAT(no_county.error().message,
              HasSubstr("onspd.csv line 2: E07000085 is a district of a county, but the file "
                        "has no county column"));
  auto quote = directory("pcd,laua,oseast1m,osnrth1m\n\"ZZ1 1AA,E06000001,1,2\n");
  ASSERT_FALSE(quote);
  EXPECT_THAT(quote.error().message, HasSubstr("onspd.csv line 2: a quote"));
}

TEST(ProviderRegister, ReadsOfstedsListByColumnNamesInAnyCase) {
  auto read = read_provider_register(
      "\xEF\xBB\xBFURN,Setting name,Placement code,PLACEMENT PROVIDER CODE,Setting postcode,"
      "Deregistration date\r\n"
      "SC111111,Oak House,K2/S1,PR2,ZZ1 1AA,\r\n"
      "SC222222,Elm House,\"K2, R3\",PR3,ZZ1 2BB,31/01/2026\r\n"
      ",Blank,K2,PR2,ZZ1 1AA,\r\n",
      "providers.csv");
  ASSERT_TRUE(read) << read.error().describe();
  EXPECT_EQ(read->size(), 2u);
  const RegisteredProvider* oak = read->find("SC111111");
  ASSERT_NE(oak, nullptr);
  EXPECT_EQ(oak->place_codes, (std::vector<std::string>{"K2", "S1"}));
  EXPECT_EQ(oak->provider_codes, (std::vector<std::string>{"PR2"}));
  EXPECT_EQ(oak->registration_end, std::nullopt);
  const RegisteredProvider* elm = read->find("SC222222");
  ASSERT_NE(elm, nullptr);
  EXPECT_EQ(elm->place_codes, (std::vector<std::string>{"K2", "R3"}));
  EXPECT_EQ(elm->registration_end, core::Date::parse_iso("2026-01-31").value());
  EXPECT_EQ(read->find("SC333333"), nullptr);
}

TEST(ProviderRegister, NamesTheLineAndColumnOfWhatItCannotRead) {
  auto missing = read_provider_register("URN,Placement code\nSC1,K2\n", "providers.csv");
  ASSERT_FALSE(missing);
  EXPECT_THAT(missing.error().message,
              HasSubstr("providers.csv line 1: no column Placement provider code"));
  auto date = read_provider_register(
      "URN,Placement code,Placement provider code,Setting postcode,Closed date\n"
      "SC1,K2,PR2,ZZ1 1AA,soon\n",
      "providers.csv");
  ASSERT_FALSE(date);
  EXPECT_THAT(date.error().message, HasSubstr("providers.csv line 2, column Closed date: soon"));
}

TEST(PlacementPlace, IsDerivedAsTheDfesValidatorDerivesIt) {
  auto read = directory(kOnspd);
  ASSERT_TRUE(read);
  const Ssda903Reference camden{"E09000007", &*read, nullptr};
  // ZZ1 1AA to ZZ3 3CC: sqrt(211090^2 + 8363^2) m = 211.256 km = 131.27 miles.
  const PlacementPlace wales = placement_place(camden, "ZZ1 1AA", "ZZ3 3CC");
  EXPECT_EQ(wales.la, "WAL");
  EXPECT_EQ(wales.location, "OUT");
  ASSERT_TRUE(wales.distance);
  EXPECT_DOUBLE_EQ(*wales.distance, 131.3);
  const PlacementPlace home = placement_place(camden, "ZZ1 1AA", "zz1 1aa");
  EXPECT_EQ(home.la, "E09000007");
  EXPECT_EQ(home.location, "IN");
  EXPECT_DOUBLE_EQ(*home.distance, 0.0);
  const PlacementPlace islands = placement_place(camden, "ZZ1 1AA", "GY1 1AA");
  EXPECT_EQ(islands.la, "");
  EXPECT_EQ(islands.location, "OUT");  // found, but in no English authority
  EXPECT_FALSE(islands.distance);      // no grid reference
  const PlacementPlace unknown = placement_place(camden, "ZZ1 1AA", "ZZ9 9ZZ");
  EXPECT_EQ(unknown.la, "");
  EXPECT_EQ(unknown.location, "");
  EXPECT_FALSE(unknown.distance);
  EXPECT_FALSE(placement_place(camden, "", "ZZ1 1AA").distance);
}

}  // namespace
}  // namespace hearth::returns
