// The `hearth` program from the outside: run as a user runs it, with its exit code, standard
// output and standard error. Each test works in its own temporary folder; the server binds port 0.
// Waits are bounded (a hung program fails the test instead of hanging it) but nothing is timed.
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <arpa/inet.h>
#include <fcntl.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "hearth/returns/cin_census.hpp"
#include "hearth/returns/csv.hpp"
#include "hearth/returns/ssda903.hpp"

#include "support/xml_schema.hpp"

#ifndef HEARTH_BINARY
#error "HEARTH_BINARY must name the hearth executable"
#endif

extern char** environ;

namespace {

namespace fs = std::filesystem;
namespace core = hearth::core;
namespace returns = hearth::returns;
using ::testing::HasSubstr;
using ::testing::Not;

// How long a command may take before the test gives up on it: generous, for slow machines and
// sanitiser builds. Not an assertion about speed.
constexpr auto kPatience = std::chrono::seconds(120);

struct Outcome {
  int exit_code = -1;  // -1: did not exit normally (killed by a signal, or gave up waiting)
  std::string out;
  std::string err;
  std::string all() const { return out + err; }
};

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<char*> argv_of(const std::vector<std::string>& args) {
  std::vector<char*> argv;
  argv.push_back(const_cast<char*>(HEARTH_BINARY));
  for (const auto& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
  argv.push_back(nullptr);
  return argv;
}

// Waits for `pid` to exit, up to kPatience; then kills it. Returns the exit code, or -1.
int wait_for(pid_t pid) {
  const auto deadline = std::chrono::steady_clock::now() + kPatience;
  int status = 0;
  while (true) {
    const pid_t done = waitpid(pid, &status, WNOHANG);
    if (done == pid) break;
    if (done < 0 && errno != EINTR) return -1;
    if (std::chrono::steady_clock::now() > deadline) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      ADD_FAILURE() << "hearth did not exit; killed it";
      return -1;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "hearth-cli-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr) << std::strerror(errno);
    dir_ = pattern;
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  // Runs hearth with `args` in the temporary folder; standard output and error go to files there,
  // standard input comes from /dev/null.
  Outcome run(const std::vector<std::string>& args) { return spawn(args, "/dev/null"); }

  // The same with `input` on standard input.
  Outcome run_with_input(const std::vector<std::string>& args, const std::string& input) {
    const fs::path in = dir_ / ".stdin";
    std::ofstream(in) << input;
    return spawn(args, in);
  }

  Outcome spawn(const std::vector<std::string>& args, const fs::path& in) {
    const fs::path out = dir_ / ".stdout";
    const fs::path err = dir_ / ".stderr";
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, in.c_str(), O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, out.c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, err.c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0600);
    auto argv = argv_of(args);
    pid_t pid = 0;
    const int spawned = posix_spawn(&pid, HEARTH_BINARY, &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    Outcome outcome;
    if (spawned != 0) {
      ADD_FAILURE() << "cannot run " << HEARTH_BINARY << ": " << std::strerror(spawned);
      return outcome;
    }
    outcome.exit_code = wait_for(pid);
    outcome.out = read_file(out);
    outcome.err = read_file(err);
    return outcome;
  }

  // A small authority with one year of history, loaded into a SQLite file.
  fs::path small_database() {
    const fs::path db = dir_ / "small.db";
    const Outcome made = run({"synth", "--size", "small", "--years", "1", "--db", db.string()});
    EXPECT_EQ(made.exit_code, 0) << made.all();
    return db;
  }

  fs::path dir_;
};

std::string describe(const Outcome& o) {
  return "exit " + std::to_string(o.exit_code) + "\n--- stdout\n" + o.out + "\n--- stderr\n" +
         o.err;
}

// ------------------------------------------------------------------------------------- usage

TEST_F(CliTest, HelpExitsZeroAndListsTheSubcommands) {
  const Outcome o = run({"--help"});
  EXPECT_EQ(o.exit_code, 0) << describe(o);
  for (const char* command :
       {"demo", "serve", "synth", "migrate", "user", "audit", "export", "validate", "import"}) {
    EXPECT_THAT(o.out, HasSubstr(command)) << describe(o);
  }
}

TEST_F(CliTest, EverySubcommandHasHelpThatExitsZero) {
  for (const char* command : {"demo", "serve", "synth", "migrate"}) {
    const Outcome o = run({command, "--help"});
    EXPECT_EQ(o.exit_code, 0) << command << "\n" << describe(o);
    EXPECT_THAT(o.out, HasSubstr("--db")) << command << "\n" << describe(o);
  }
  for (const std::vector<std::string>& command : {std::vector<std::string>{"user", "add"},
                                                  {"user", "disable"},
                                                  {"user", "enable"},
                                                  {"user", "reset-password"},
                                                  {"user", "list"},
                                                  {"audit", "verify"},
                                                  {"audit", "show"},
                                                  {"export", "903"},
                                                  {"import", "903"}}) {
    auto args = command;
    args.push_back("--help");
    const Outcome o = run(args);
    EXPECT_EQ(o.exit_code, 0) << command[0] << " " << command[1] << "\n" << describe(o);
    EXPECT_THAT(o.out, HasSubstr("--db")) << command[1] << "\n" << describe(o);
  }
  // Validation reads files, not a database.
  const Outcome validate = run({"validate", "903", "--help"});
  EXPECT_EQ(validate.exit_code, 0) << describe(validate);
  EXPECT_THAT(validate.out, HasSubstr("--format")) << describe(validate);
}

TEST_F(CliTest, NoSubcommandIsBadUsage) {
  const Outcome o = run({});
  EXPECT_EQ(o.exit_code, 2) << describe(o);
}

TEST_F(CliTest, AnUnknownSubcommandIsBadUsage) {
  const Outcome o = run({"frobnicate"});
  EXPECT_EQ(o.exit_code, 2) << describe(o);
  EXPECT_FALSE(o.err.empty()) << describe(o);
}

// With require_subcommand(1), CLI11 reports the missing subcommand before the unexpected word;
// cli.cpp names the word itself.
TEST_F(CliTest, AnUnknownSubcommandIsNamedInTheMessage) {
  const Outcome o = run({"frobnicate"});
  EXPECT_EQ(o.exit_code, 2) << describe(o);
  EXPECT_THAT(o.err, HasSubstr("frobnicate")) << describe(o);
}

TEST_F(CliTest, AnUnknownSubcommandOfUserOrAuditIsNamedWithTheOnesThereAre) {
  const Outcome user = run({"user", "frobnicate"});
  EXPECT_EQ(user.exit_code, 2) << describe(user);
  EXPECT_THAT(user.err, HasSubstr("'frobnicate' is not a hearth user command"));
  EXPECT_THAT(user.err, HasSubstr("add, disable, enable, reset-password, list"));
  const Outcome audit = run({"audit"});
  EXPECT_EQ(audit.exit_code, 2) << describe(audit);
  EXPECT_THAT(audit.err, HasSubstr("verify, show"));
}

TEST_F(CliTest, AnUnknownFlagIsBadUsageNamingIt) {
  const Outcome o = run({"synth", "--sise", "small"});
  EXPECT_EQ(o.exit_code, 2) << describe(o);
  EXPECT_THAT(o.err, HasSubstr("--sise")) << describe(o);
}

TEST_F(CliTest, AnUnknownSizeIsBadUsageNamingTheFlag) {
  const Outcome o = run({"synth", "--size", "huge"});
  EXPECT_EQ(o.exit_code, 2) << describe(o);
  EXPECT_THAT(o.err, HasSubstr("--size")) << describe(o);
}

TEST_F(CliTest, ZeroYearsIsBadUsageNamingTheFlag) {
  const Outcome o = run({"synth", "--size", "small", "--years", "0"});
  EXPECT_EQ(o.exit_code, 2) << describe(o);
  EXPECT_THAT(o.err, HasSubstr("--years")) << describe(o);
}

TEST_F(CliTest, ASeedThatIsNotANumberIsBadUsageNamingTheFlag) {
  const Outcome o = run({"synth", "--size", "small", "--seed", "abc"});
  EXPECT_EQ(o.exit_code, 2) << describe(o);
  EXPECT_THAT(o.err, HasSubstr("--seed")) << describe(o);
}

TEST_F(CliTest, BadUsageWritesNothing) {
  const Outcome o = run({"synth", "--size", "huge", "--out", (dir_ / "out").string()});
  EXPECT_EQ(o.exit_code, 2) << describe(o);
  EXPECT_FALSE(fs::exists(dir_ / "out"));
}

// ------------------------------------------------------------------------------ synth, migrate

TEST_F(CliTest, SynthIntoADatabaseThenMigrateStatusReportsTheSchemaVersion) {
  const fs::path db = dir_ / "x.db";
  const Outcome made = run({"synth", "--size", "small", "--years", "1", "--db", db.string()});
  ASSERT_EQ(made.exit_code, 0) << describe(made);
  EXPECT_THAT(made.out, HasSubstr("loaded into " + db.string())) << describe(made);
  ASSERT_TRUE(fs::exists(db));

  const Outcome status = run({"migrate", "--db", db.string(), "--status"});
  EXPECT_EQ(status.exit_code, 0) << describe(status);
  EXPECT_THAT(status.out, HasSubstr("schema version")) << describe(status);
  EXPECT_THAT(status.out, HasSubstr("nothing to migrate")) << describe(status);

  // Migrating an up-to-date database changes nothing and says the same version.
  const Outcome again = run({"migrate", "--db", db.string()});
  EXPECT_EQ(again.exit_code, 0) << describe(again);
  EXPECT_THAT(again.out, HasSubstr("schema version")) << describe(again);
}

TEST_F(CliTest, SynthWritesRecordsPeopleAndTruthFiles) {
  const fs::path out = dir_ / "out";
  const Outcome o = run({"synth", "--size", "small", "--years", "1", "--out", out.string()});
  ASSERT_EQ(o.exit_code, 0) << describe(o);
  const fs::path folder = out / "999";
  ASSERT_TRUE(fs::is_directory(folder)) << describe(o);

  std::ifstream records(folder / "records.jsonl");
  ASSERT_TRUE(records);
  std::string line;
  size_t lines = 0;
  while (std::getline(records, line)) {
    ++lines;
    ASSERT_EQ(line.rfind("{\"kind\":\"", 0), 0u) << "line " << lines << ": " << line;
    ASSERT_EQ(line.back(), '}') << "line " << lines;
  }
  EXPECT_GT(lines, 1000u);

  std::ifstream people(folder / "people.csv");
  ASSERT_TRUE(people);
  std::getline(people, line);
  EXPECT_EQ(line,
            "record_id,source,given_name,family_name,date_of_birth,sex,postcode,nhs_number,upn");
  size_t people_rows = 0;
  while (std::getline(people, line)) ++people_rows;

  std::ifstream truth(folder / "truth.csv");
  ASSERT_TRUE(truth);
  std::getline(truth, line);
  EXPECT_EQ(line, "record_id,source,person_id");
  size_t truth_rows = 0;
  while (std::getline(truth, line)) ++truth_rows;
  // Every person record (a child, or an agency's record) has its row in the truth.
  EXPECT_GT(people_rows, 100u);
  EXPECT_EQ(truth_rows, people_rows);
}

TEST_F(CliTest, SynthIsDeterministicFromTheCommandLine) {
  const fs::path a = dir_ / "a";
  const fs::path b = dir_ / "b";
  ASSERT_EQ(run({"synth", "--children", "2000", "--years", "1", "--seed", "9", "--out", a.string()})
                .exit_code,
            0);
  ASSERT_EQ(run({"synth", "--children", "2000", "--years", "1", "--seed", "9", "--out", b.string()})
                .exit_code,
            0);
  for (const char* file : {"records.jsonl", "people.csv", "truth.csv"}) {
    EXPECT_EQ(read_file(a / "999" / file), read_file(b / "999" / file)) << file;
  }
}

// --------------------------------------------------------------------------------- failures

TEST_F(CliTest, ServeRefusesADatabaseThatDoesNotExistAndDoesNotCreateIt) {
  const fs::path db = dir_ / "missing.db";
  const Outcome o = run({"serve", "--db", db.string(), "--port", "0"});
  EXPECT_EQ(o.exit_code, 1) << describe(o);
  EXPECT_THAT(o.err, HasSubstr("does not exist")) << describe(o);
  EXPECT_FALSE(fs::exists(db));
}

TEST_F(CliTest, MigrateRefusesAFileThatIsNotASqliteDatabaseAndLeavesItAlone) {
  const fs::path notes = dir_ / "notes.txt";
  const std::string text = "Shopping: milk, bread, tea.\nRing the school on Monday.\n";
  {
    std::ofstream out(notes, std::ios::binary);
    out << text;
  }
  const Outcome o = run({"migrate", "--db", notes.string()});
  EXPECT_NE(o.exit_code, 0) << describe(o);
  EXPECT_THAT(o.err, HasSubstr("is not a SQLite database")) << describe(o);
  EXPECT_EQ(read_file(notes), text);
  // No journal or WAL files left beside it either.
  for (const auto& entry : fs::directory_iterator(dir_)) {
    const std::string name = entry.path().filename().string();
    EXPECT_TRUE(name == "notes.txt" || name.front() == '.') << "left behind: " << name;
  }
}

TEST_F(CliTest, AnUnreachablePostgresqlServerFailsWithoutPrintingThePassword) {
  const std::string password = "s3cret-Passw0rd";
  const Outcome o = run({"synth", "--size", "small", "--years", "1", "--db",
                         "postgresql://x:" + password + "@127.0.0.1:1/db"});
  EXPECT_EQ(o.exit_code, 1) << describe(o);
  EXPECT_THAT(o.err, HasSubstr("127.0.0.1")) << describe(o);
  EXPECT_THAT(o.all(), Not(HasSubstr(password))) << describe(o);
}

// ---------------------------------------------------------------------------------- the server

// A running `hearth serve`, its standard output read through a pipe.
// ----------------------------------------------------------------------------------- export

TEST_F(CliTest, Export903WritesEveryTableOfTheYearAndOfTheYearBefore) {
  const fs::path db = small_database();
  const fs::path out = dir_ / "903";
  const Outcome o =
      run({"export", "903", "--db", db.string(), "--year", "2026", "--out", out.string()});
  ASSERT_EQ(o.exit_code, 0) << describe(o);
  EXPECT_THAT(o.out, HasSubstr("SSDA903 2025-26 of authority 999"));
  for (const fs::path& folder : {out, out / "previous"}) {
    for (const auto& layout : returns::ssda903_tables_for(2026)) {
      auto table = returns::read_csv_file(folder / layout->file);
      ASSERT_TRUE(table) << table.error().describe();
      auto known = returns::identify_ssda903_table(*table);
      ASSERT_TRUE(known) << known.error().describe();
      EXPECT_EQ((*known)->table, layout->table);
    }
  }
  auto episodes = returns::read_csv_file(out / "episodes.csv");
  ASSERT_TRUE(episodes);
  EXPECT_GT(episodes->rows.size(), 20u);
  const size_t decom = episodes->column("DECOM").value();
  for (const auto& row : episodes->rows) {
    EXPECT_TRUE(core::Date::parse_uk(row[decom])) << row[decom];
  }
  EXPECT_FALSE(fs::exists(out / "episodes.csv.tmp"));

  // Each child whose record left in the files is audited.
  auto header = returns::read_csv_file(out / "header.csv");
  ASSERT_TRUE(header);
  ASSERT_FALSE(header->rows.empty());
  const Outcome log =
      run({"audit", "show", "--child", "999/" + header->rows.front().front(), "--db", db.string()});
  EXPECT_THAT(log.out, HasSubstr("returns.export")) << describe(log);
  EXPECT_THAT(log.out, HasSubstr("hearth export 903 2025-26")) << describe(log);
}

TEST_F(CliTest, Validate903ReadsAnExportAndReportsEachRuleAsTextCsvOrJson) {
  const fs::path db = small_database();
  const fs::path out = dir_ / "903";
  ASSERT_EQ(run({"export", "903", "--db", db.string(), "--year", "2026", "--out", out.string()})
                .exit_code,
            0);
  // The synthetic authority keeps to every rule implemented.
  const Outcome text =
      run({"validate", "903", out.string(), "--year", "2026", "--fail-on-failures"});
  ASSERT_EQ(text.exit_code, 0) << describe(text);
  EXPECT_THAT(text.out, HasSubstr("; 0 failures"));
  EXPECT_THAT(text.out, HasSubstr("SSDA903 2025-26: "));
  EXPECT_THAT(text.out, HasSubstr(" rules run"));
  const Outcome json = run({"validate", "903", out.string(), "--year", "2026", "--format", "json"});
  ASSERT_EQ(json.exit_code, 0) << describe(json);
  EXPECT_THAT(json.out, HasSubstr("\"rules_run\""));
  // A report saved beside the tables is passed over next time, and said so.
  ASSERT_EQ(run({"validate", "903", out.string(), "--year", "2026", "--format", "csv", "--out",
                 (out / "report.csv").string()})
                .exit_code,
            0);
  const Outcome beside = run({"validate", "903", out.string(), "--year", "2026"});
  EXPECT_EQ(beside.exit_code, 0) << describe(beside);
  EXPECT_THAT(beside.err, HasSubstr("passed over report.csv line 1"));

  // A file with a bad code and one from another system with its columns in another order.
  const fs::path mine = dir_ / "mine";
  fs::create_directories(mine);
  {
    std::ofstream header(mine / "Header_2026.csv");
    header << "\xEF\xBB\xBF"
              "CHILD,DOB,SEX,ETHNIC,UPN,MOTHER,MC_DOB\r\n"
              "A1,01/02/2010,M,WBRI,UN1,,\r\nA2,01/02/2011,X,WBRI,UN1,,\r\n";
  }
  const Outcome csv = run({"validate", "903", (mine / "Header_2026.csv").string(), "--year", "2026",
                           "--format", "csv", "--fail-on-failures"});
  EXPECT_EQ(csv.exit_code, 1) << describe(csv);
  EXPECT_THAT(csv.out, HasSubstr("rule,message,table,file,line,child,fields\n"));
  EXPECT_THAT(csv.out, HasSubstr("101,The child or young person’s reported sex is not valid.,"
                                 "Header,Header_2026.csv,3,A2,SEX"));

  {
    std::ofstream broken(mine / "episodes.csv");
    broken << "CHILD,DECOM,RNE\nA1,01/02/2025,S\n";
  }
  // Named, a file that is no table is refused; in a folder it is passed over, and said so.
  const Outcome refused = run({"validate", "903", (mine / "episodes.csv").string()});
  EXPECT_EQ(refused.exit_code, 1) << describe(refused);
  EXPECT_THAT(refused.err, HasSubstr("episodes.csv line 1"));
  EXPECT_THAT(refused.err, HasSubstr("is not an SSDA903 table: it looks like Episodes"));
  const Outcome folder = run({"validate", "903", mine.string()});
  EXPECT_EQ(folder.exit_code, 0) << describe(folder);
  EXPECT_THAT(folder.err, HasSubstr("passed over episodes.csv line 1"));
  EXPECT_THAT(folder.out,
              HasSubstr(" not run (a table or reference data they need was not given)"));
  const Outcome nothing = run({"validate", "903", (dir_ / "nope").string()});
  EXPECT_EQ(nothing.exit_code, 1) << describe(nothing);
  EXPECT_THAT(nothing.err, HasSubstr("there is no file or folder"));
}

TEST_F(CliTest, Import903ThenExportGivesTheSameFilesBackAndASecondImportWritesNothing) {
  const fs::path db = small_database();
  const fs::path first = dir_ / "first";
  ASSERT_EQ(run({"export", "903", "--db", db.string(), "--year", "2026", "--out", first.string()})
                .exit_code,
            0);
  const fs::path copy = dir_ / "copy.db";
  const Outcome imported = run(
      {"import", "903", first.string(), "--la", "999", "--year", "2026", "--db", copy.string()});
  ASSERT_EQ(imported.exit_code, 0) << describe(imported);
  EXPECT_THAT(imported.out, HasSubstr("records of authority 999 (SSDA903 2025-26)"));
  const fs::path second = dir_ / "second";
  ASSERT_EQ(
      run({"export", "903", "--db", copy.string(), "--year", "2026", "--out", second.string()})
          .exit_code,
      0);
  for (const auto& layout : returns::ssda903_tables_for(2026)) {
    const std::string before = read_file(first / layout->file);
    EXPECT_GT(before.size(), layout->columns.size()) << layout->file;
    EXPECT_EQ(read_file(second / layout->file), before) << layout->file;
  }

  const Outcome again = run(
      {"import", "903", first.string(), "--la", "999", "--year", "2026", "--db", copy.string()});
  EXPECT_EQ(again.exit_code, 1) << describe(again);
  EXPECT_THAT(again.err, HasSubstr("was imported before"));
  const Outcome bad_la =
      run({"import", "903", first.string(), "--la", "99", "--db", copy.string()});
  EXPECT_EQ(bad_la.exit_code, 2) << describe(bad_la);
  EXPECT_THAT(bad_la.err, HasSubstr("--la"));
}

TEST_F(CliTest, ExportCinWritesTheCensusValidAgainstTheSchemaAndAuditsEachChild) {
  const fs::path db = dir_ / "camden.db";
  ASSERT_EQ(run({"synth", "--la", "202", "--years", "1", "--db", db.string()}).exit_code, 0);
  const fs::path out = dir_ / "cin.xml";
  const Outcome o =
      run({"export", "cin", "--db", db.string(), "--year", "2026", "--out", out.string()});
  ASSERT_EQ(o.exit_code, 0) << describe(o);
  EXPECT_THAT(o.out, HasSubstr("CIN census 2025-26 of authority 202"));
  const std::string xml = read_file(out);
  EXPECT_EQ(hearth::test::schema_errors(HEARTH_CIN_SCHEMA, xml), "");
  EXPECT_FALSE(fs::exists(out.string() + ".tmp"));
  auto census = returns::parse_cin_census(xml, "cin.xml", 2026);
  ASSERT_TRUE(census) << census.error().describe();
  const auto& ids = census->table(returns::CinModule::kChildIdentifiers);
  ASSERT_GT(ids.rows.size(), 100u);
  const Outcome log =
      run({"audit", "show", "--child", "202/" + ids.rows.front().front(), "--db", db.string()});
  EXPECT_THAT(log.out, HasSubstr("hearth export cin 2025-26")) << describe(log);

  // The synthetic authority breaks none of the DfE's error rules; what the queries ask about
  // (an assessment open for more than 45 working days, say) happens in any authority.
  const Outcome report = run({"validate", "cin", out.string(), "--format", "json"});
  ASSERT_EQ(report.exit_code, 0) << describe(report);
  EXPECT_THAT(report.out, HasSubstr("\"return\": \"CIN census\""));
  const Outcome csv = run({"validate", "cin", out.string(), "--format", "csv"});
  std::istringstream lines(csv.out);
  std::string line;
  std::getline(lines, line);
  EXPECT_EQ(line, "rule,message,table,file,line,child,fields");
  while (std::getline(lines, line)) {
    const std::string rule = line.substr(0, line.find(','));
    EXPECT_EQ(rule.back(), 'Q') << line;
  }

  // A folder for --out gets cin_census.xml; an earlier year is refused, naming --year.
  ASSERT_EQ(run({"export", "cin", "--db", db.string(), "--out", dir_.string()}).exit_code, 0);
  EXPECT_TRUE(fs::exists(dir_ / "cin_census.xml"));
  const Outcome early =
      run({"export", "cin", "--db", db.string(), "--year", "2024", "--out", out.string()});
  EXPECT_EQ(early.exit_code, 2) << describe(early);
  EXPECT_THAT(early.err, HasSubstr("--year"));
}

TEST_F(CliTest, ImportCinThenExportGivesTheSameCensusBackAndASecondImportWritesNothing) {
  const fs::path db = small_database();
  const fs::path first = dir_ / "first.xml";
  ASSERT_EQ(run({"export", "cin", "--db", db.string(), "--year", "2026", "--out", first.string()})
                .exit_code,
            0);
  const fs::path copy = dir_ / "copy.db";
  const Outcome imported = run({"import", "cin", first.string(), "--db", copy.string()});
  ASSERT_EQ(imported.exit_code, 0) << describe(imported);
  EXPECT_THAT(imported.out, HasSubstr("records of authority 999 (CIN census 2025-26)"));
  const fs::path second = dir_ / "second.xml";
  ASSERT_EQ(
      run({"export", "cin", "--db", copy.string(), "--year", "2026", "--out", second.string()})
          .exit_code,
      0);
  // The same census, but for the time it was made.
  auto without_time = [](std::string text) {
    const size_t at = text.find("<DateTime>");
    return at == std::string::npos ? text : text.erase(at, text.find('<', at + 1) - at);
  };
  const std::string before = read_file(first);
  EXPECT_GT(before.size(), 10000u);
  EXPECT_EQ(without_time(read_file(second)), without_time(before));

  const Outcome again = run({"import", "cin", first.string(), "--db", copy.string()});
  EXPECT_EQ(again.exit_code, 1) << describe(again);
  EXPECT_THAT(again.err, HasSubstr("was imported before"));
  const Outcome other =
      run({"import", "cin", first.string(), "--la", "202", "--db", (dir_ / "other.db").string()});
  EXPECT_EQ(other.exit_code, 1) << describe(other);
  EXPECT_THAT(other.err, HasSubstr("<LEA> is 999, but --la is 202"));
}

// A 1 GB file (sparse: it takes no disk) is refused before it is read, for both returns and
// both commands, so memory stays bounded; nothing is written.
TEST_F(CliTest, AOneGigabyteReturnFileIsRefusedBeforeItIsRead) {
  for (const char* name : {"episodes.csv", "census.xml"}) {
    const fs::path big = dir_ / name;
    { std::ofstream create(big); }
    fs::resize_file(big, 1ull << 30);
    const bool cin = std::string_view(name).ends_with(".xml");
    for (const std::string command : {"validate", "import"}) {
      std::vector<std::string> args = {command, cin ? "cin" : "903", big.string()};
      if (command == "import") {
        args.insert(args.end(), {"--la", "202", "--db", (dir_ / "big.db").string()});
      }
      const Outcome o = run(args);
      EXPECT_EQ(o.exit_code, 1) << describe(o);
      EXPECT_THAT(o.err, HasSubstr(std::string(name) + ": is 1024 MB; a ")) << describe(o);
      EXPECT_THAT(o.err, HasSubstr("is at most 256 MB"));
    }
  }
  EXPECT_FALSE(fs::exists(dir_ / "big.db"));
}

TEST_F(CliTest, ValidateCinNamesTheFileLineAndElementOfWhatItCannotRead) {
  const fs::path bad = dir_ / "bad.xml";
  std::ofstream(bad) << "<?xml version=\"1.0\"?>\n<Message>\n  <Children>\n    <Child>\n"
                        "      <ChildIdentifiers><LAchildID>A1</LAchildID><Gender>1</Gender>"
                        "</ChildIdentifiers>\n    </Child>\n  </Children>\n</Message>\n";
  const Outcome o = run({"validate", "cin", bad.string(), "--year", "2026"});
  EXPECT_EQ(o.exit_code, 1) << describe(o);
  EXPECT_THAT(o.err, HasSubstr("bad.xml line 5"));
  EXPECT_THAT(o.err, HasSubstr("<Gender> is not an element of <ChildIdentifiers>"));
  const Outcome missing = run({"validate", "cin", (dir_ / "nope.xml").string()});
  EXPECT_EQ(missing.exit_code, 1) << describe(missing);
  const Outcome typo = run({"validate", "cinn", bad.string()});
  EXPECT_EQ(typo.exit_code, 2) << describe(typo);
}

// `synth --returns` writes what `export` of the same records writes; `validate --england`
// judges every authority's two returns in a folder, and names one it cannot read without
// losing the others.
TEST_F(CliTest, SynthReturnsAreTheExportsAndValidateEnglandJudgesEveryAuthority) {
  const fs::path db = dir_ / "camden.db", returns_dir = dir_ / "returns";
  const Outcome made = run({"synth", "--la", "202", "--years", "2", "--no-partner-records", "--db",
                            db.string(), "--returns", returns_dir.string()});
  ASSERT_EQ(made.exit_code, 0) << describe(made);
  EXPECT_THAT(made.out, HasSubstr("returns written to"));
  const fs::path exported = dir_ / "exported";
  ASSERT_EQ(
      run({"export", "903", "--db", db.string(), "--year", "2026", "--out", exported.string()})
          .exit_code,
      0);
  for (const auto& layout : returns::ssda903_tables_for(2026)) {
    for (const fs::path& sub : {fs::path(), fs::path("previous")}) {
      EXPECT_EQ(read_file(returns_dir / "202" / "903" / sub / layout->file),
                read_file(exported / sub / layout->file))
          << sub / layout->file;
    }
  }
  ASSERT_EQ(run({"export", "cin", "--db", db.string(), "--year", "2026", "--out",
                 (dir_ / "cin.xml").string()})
                .exit_code,
            0);
  auto without_time = [](std::string text) {
    const size_t at = text.find("<DateTime>");
    return at == std::string::npos ? text : text.erase(at, text.find('<', at + 1) - at);
  };
  const std::string census = read_file(returns_dir / "202" / "cin.xml");
  EXPECT_GT(census.size(), 10000u);
  EXPECT_EQ(without_time(census), without_time(read_file(dir_ / "cin.xml")));

  ASSERT_EQ(run({"synth", "--la", "201", "--years", "2", "--no-partner-records", "--returns",
                 returns_dir.string()})
                .exit_code,
            0);
  const fs::path counts = dir_ / "counts.csv";
  const Outcome england = run(
      {"validate", "--england", returns_dir.string(), "--year", "2026", "--out", counts.string()});
  ASSERT_EQ(england.exit_code, 0) << describe(england);
  EXPECT_THAT(england.out, HasSubstr("2 authorities' returns for 2025-26"));
  EXPECT_THAT(england.out, HasSubstr("SSDA903:    2 returns"));
  EXPECT_THAT(england.out, HasSubstr("CIN census: 2 returns"));
  const std::string table = read_file(counts);
  EXPECT_THAT(table, HasSubstr("la,ssda903_children,ssda903_failures,cin_children,cin_failures\n"
                               "201,"));
  EXPECT_THAT(table, HasSubstr("\n202,"));

  // One authority's census broken: it is named, with its file and line; the other is judged.
  std::ofstream(returns_dir / "201" / "cin.xml", std::ios::trunc) << "<Message>\n<Header>\n";
  const Outcome broken = run({"validate", "--england", returns_dir.string(), "--year", "2026"});
  EXPECT_EQ(broken.exit_code, 1) << describe(broken);
  EXPECT_THAT(broken.err, HasSubstr("201: "));
  EXPECT_THAT(broken.err, HasSubstr("cin.xml"));
  EXPECT_THAT(broken.out, HasSubstr("CIN census: 1 returns"));
  EXPECT_THAT(broken.out, HasSubstr("SSDA903:    2 returns"));

  // A return that is not there is said to be missing, from 2024-25 for the census.
  fs::remove(returns_dir / "201" / "cin.xml");
  const Outcome missing = run({"validate", "--england", returns_dir.string(), "--year", "2026"});
  EXPECT_EQ(missing.exit_code, 1) << describe(missing);
  EXPECT_THAT(missing.err, HasSubstr("no CIN census"));

  const Outcome empty = run({"validate", "--england", dir_.string() + "/nothing"});
  EXPECT_EQ(empty.exit_code, 1) << describe(empty);
  EXPECT_THAT(empty.err, HasSubstr("--england"));
  const Outcome both = run({"validate", "--england", returns_dir.string(), "cin", "x.xml"});
  EXPECT_NE(both.exit_code, 0) << describe(both);
}

// The rules that need reference data run when it is named: the postcode directory and Ofsted's
// providers (`synth --returns` writes an authority's own in <la>/reference/), and the authority.
TEST_F(CliTest, Validate903RunsTheRulesOfPostcodesAndProvidersWhenTheirFilesAreNamed) {
  const fs::path returns_dir = dir_ / "returns";
  ASSERT_EQ(run({"synth", "--la", "202", "--years", "2", "--no-partner-records", "--returns",
                 returns_dir.string()})
                .exit_code,
            0);
  const fs::path camden = returns_dir / "202";
  const std::string postcodes = (camden / "reference" / "postcodes.csv").string(),
                    providers = (camden / "reference" / "providers.csv").string();
  EXPECT_THAT(read_file(postcodes), HasSubstr("pcd,oslaua,oscty,oseast1m,osnrth1m\n"));
  EXPECT_THAT(read_file(postcodes), HasSubstr(",E09000007,"));  // Camden's ONS code

  const Outcome without = run({"validate", "903", (camden / "903").string(), "--year", "2026"});
  ASSERT_EQ(without.exit_code, 0) << describe(without);
  EXPECT_THAT(without.out, HasSubstr("292 rules run, 22 not run"));
  EXPECT_THAT(without.err, HasSubstr("22 rules not run for want of reference data: --postcodes"));
  const Outcome with =
      run({"validate", "903", (camden / "903").string(), "--year", "2026", "--postcodes", postcodes,
           "--providers", providers, "--la", "E09000007", "--fail-on-failures"});
  ASSERT_EQ(with.exit_code, 0) << describe(with);
  EXPECT_THAT(with.out, HasSubstr("314 rules run; 0 failures"));
  EXPECT_THAT(with.err, Not(HasSubstr("for want of reference data")));
  // Without --la the rules of in or out of the authority do not run; the others do.
  const Outcome no_la = run({"validate", "903", (camden / "903").string(), "--year", "2026",
                             "--postcodes", postcodes, "--providers", providers});
  ASSERT_EQ(no_la.exit_code, 0) << describe(no_la);
  EXPECT_THAT(no_la.out, HasSubstr("310 rules run, 4 not run"));
  EXPECT_THAT(no_la.err,
              HasSubstr("4 rules not run for want of reference data: --la CODE (the return's "
                        "authority)\n"));
  // --england finds each authority's own reference files.
  const Outcome england = run({"validate", "--england", returns_dir.string(), "--year", "2026"});
  ASSERT_EQ(england.exit_code, 0) << describe(england);
  EXPECT_THAT(england.out, HasSubstr("SSDA903:    1 returns"));
  EXPECT_THAT(england.out, HasSubstr("0 failures (314 rules)"));

  const Outcome typo = run({"validate", "903", (camden / "903").string(), "--la", "2020"});
  EXPECT_EQ(typo.exit_code, 2) << describe(typo);
  EXPECT_THAT(typo.err, HasSubstr("'2020' is not the code of an English local authority"));
  std::ofstream(dir_ / "bad.csv") << "pcd,laua,oseast1m,osnrth1m\nZZ1 1AA,E06000001,east,1\n";
  const Outcome bad = run(
      {"validate", "903", (camden / "903").string(), "--postcodes", (dir_ / "bad.csv").string()});
  EXPECT_EQ(bad.exit_code, 1) << describe(bad);
  EXPECT_THAT(bad.err, HasSubstr("bad.csv line 2, column oseast1m"));
  const Outcome wrong =
      run({"validate", "903", (camden / "903").string(), "--providers", postcodes});
  EXPECT_EQ(wrong.exit_code, 1) << describe(wrong);
  EXPECT_THAT(wrong.err, HasSubstr("no column URN"));
}

TEST_F(CliTest, Export903NamesAnAuthorityThatIsNotThereAndAMissingOut) {
  const fs::path db = small_database();
  const Outcome wrong =
      run({"export", "903", "--db", db.string(), "--la", "202", "--out", (dir_ / "x").string()});
  EXPECT_EQ(wrong.exit_code, 1) << describe(wrong);
  EXPECT_THAT(wrong.err, HasSubstr("no records of authority 202 (it has 999)"));
  const Outcome no_out = run({"export", "903", "--db", db.string()});
  EXPECT_EQ(no_out.exit_code, 2) << describe(no_out);
  EXPECT_THAT(no_out.err, HasSubstr("--out"));
  const Outcome typo = run({"export", "930", "--db", db.string()});
  EXPECT_EQ(typo.exit_code, 2) << describe(typo);
  EXPECT_THAT(typo.err, HasSubstr("'930' is not a hearth export command (903"));
}

class Server {
 public:
  explicit Server(const std::vector<std::string>& args, const fs::path& err_file) {
    int pipe_fds[2];
    if (pipe(pipe_fds) != 0) {
      ADD_FAILURE() << "pipe: " << std::strerror(errno);
      return;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, pipe_fds[0]);
    posix_spawn_file_actions_addclose(&actions, pipe_fds[1]);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, err_file.c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0600);
    auto argv = argv_of(args);
    const int spawned = posix_spawn(&pid_, HEARTH_BINARY, &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(pipe_fds[1]);
    out_fd_ = pipe_fds[0];
    if (spawned != 0) {
      ADD_FAILURE() << "cannot run hearth: " << std::strerror(spawned);
      pid_ = 0;
    }
  }
  ~Server() {
    if (pid_ > 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    if (out_fd_ >= 0) close(out_fd_);
  }
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Reads standard output until it holds a whole line containing `text`, or the output ends (or
  // kPatience passes).
  bool read_line_with(std::string_view text) {
    const auto deadline = std::chrono::steady_clock::now() + kPatience;
    while (true) {
      const size_t at = out_.find(text);
      if (at != std::string::npos && out_.find('\n', at) != std::string::npos) return true;
      if (!read_some(deadline)) return false;
    }
  }
  // Reads everything until the program closes its standard output.
  void read_to_end() {
    const auto deadline = std::chrono::steady_clock::now() + kPatience;
    while (read_some(deadline)) {
    }
  }

  // Sends `signal` and waits for the exit code.
  int stop(int signal) {
    kill(pid_, signal);
    read_to_end();
    const int code = wait_for(pid_);
    pid_ = 0;
    return code;
  }

  const std::string& out() const { return out_; }

 private:
  bool read_some(std::chrono::steady_clock::time_point deadline) {
    if (out_fd_ < 0) return false;
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return false;
    pollfd p{out_fd_, POLLIN, 0};
    const int ready = poll(&p, 1, static_cast<int>(left.count()));
    if (ready < 0 && errno == EINTR) return true;
    if (ready <= 0) return false;
    char buffer[4096];
    const ssize_t n = read(out_fd_, buffer, sizeof buffer);
    if (n <= 0) return false;
    out_.append(buffer, static_cast<size_t>(n));
    return true;
  }

  pid_t pid_ = 0;
  int out_fd_ = -1;
  std::string out_;
};

// One HTTP/1.1 request over a fresh connection; the whole response, or nullopt.
std::optional<std::string> http_request(uint16_t port, const std::string& method,
                                        const std::string& target, const std::string& headers,
                                        const std::string& body) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return std::nullopt;
  timeval timeout{30, 0};  // a bound on each wait, not an assertion
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    close(fd);
    return std::nullopt;
  }
  std::string request =
      method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" + headers;
  if (!body.empty()) {
    request += "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " +
               std::to_string(body.size()) + "\r\n";
  }
  request += "\r\n" + body;
  size_t sent = 0;
  while (sent < request.size()) {
    const ssize_t n = send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) {
      close(fd);
      return std::nullopt;
    }
    sent += static_cast<size_t>(n);
  }
  std::string response;
  char buffer[8192];
  while (true) {
    const ssize_t n = recv(fd, buffer, sizeof buffer, 0);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    response.append(buffer, static_cast<size_t>(n));
  }
  close(fd);
  return response;
}

std::optional<std::string> http_get(uint16_t port, const std::string& target,
                                    const std::string& headers = "") {
  return http_request(port, "GET", target, headers, "");
}

// The value of the first `Set-Cookie: name=` in a response, or "".
std::string cookie_from(const std::string& response, const std::string& name) {
  const std::string marker = "Set-Cookie: " + name + "=";
  const size_t at = response.find(marker);
  if (at == std::string::npos) return "";
  const size_t start = at + marker.size();
  return response.substr(start, response.find(';', start) - start);
}

// The value of the hidden csrf_token field of a page.
std::string form_token(const std::string& page) {
  const std::string marker = "name=\"csrf_token\" value=\"";
  const size_t at = page.find(marker);
  if (at == std::string::npos) return "";
  const size_t start = at + marker.size();
  return page.substr(start, page.find('"', start) - start);
}

TEST_F(CliTest, ServeAnswersHealthzAndChildrenAndStopsCleanlyOnSigterm) {
  const fs::path db = small_database();
  ASSERT_TRUE(fs::exists(db));
  Server server({"serve", "--db", db.string(), "--port", "0"}, dir_ / ".serve-stderr");
  // Announced once a signal would stop it (the log's "listening" line comes before that).
  ASSERT_TRUE(server.read_line_with("Hearth is serving"))
      << server.out() << read_file(dir_ / ".serve-stderr");
  const std::string marker = "at http://127.0.0.1:";
  const size_t at = server.out().find(marker);
  ASSERT_NE(at, std::string::npos) << server.out();
  const int port = std::atoi(server.out().c_str() + at + marker.size());
  ASSERT_GT(port, 0) << server.out();
  ASSERT_LT(port, 65536) << server.out();

  const auto health = http_get(static_cast<uint16_t>(port), "/healthz");
  ASSERT_TRUE(health) << "no answer from port " << port;
  EXPECT_EQ(health->rfind("HTTP/1.1 200", 0), 0u) << *health;

  // Nothing but the health check, the sign-in page and assets without signing in.
  const auto children = http_get(static_cast<uint16_t>(port), "/children");
  ASSERT_TRUE(children);
  EXPECT_EQ(children->rfind("HTTP/1.1 303", 0), 0u) << children->substr(0, 2000);
  EXPECT_THAT(*children, HasSubstr("Location: /sign-in?next=%2Fchildren"));
  EXPECT_THAT(*children, HasSubstr("Content-Security-Policy"));

  const auto missing = http_get(static_cast<uint16_t>(port), "/no-such-page");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->rfind("HTTP/1.1 404", 0), 0u) << missing->substr(0, 500);

  const int code = server.stop(SIGTERM);
  EXPECT_EQ(code, 0) << server.out() << read_file(dir_ / ".serve-stderr");
  EXPECT_THAT(server.out(), HasSubstr("Hearth stopped.")) << server.out();
}

}  // namespace

namespace {

// --------------------------------------------------------------------------- accounts, audit

class AccountsCliTest : public CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    db_ = small_database().string();
  }

  Outcome add_worker(const std::string& username) {
    return run({"user", "add", username, "--name", "Amy Khan", "--role", "social_worker", "--la",
                "999", "--db", db_});
  }

  std::string db_;
};

TEST_F(AccountsCliTest, AddsAnAccountAndPrintsItsPasswordOnce) {
  const Outcome added = add_worker("amy.khan");
  ASSERT_EQ(added.exit_code, 0) << describe(added);
  EXPECT_THAT(added.out, HasSubstr("added amy.khan (Amy Khan, Social worker)"));
  EXPECT_THAT(added.out, HasSubstr("password: "));
  const Outcome list = run({"user", "list", "--db", db_});
  EXPECT_EQ(list.exit_code, 0) << describe(list);
  EXPECT_THAT(list.out, HasSubstr("amy.khan"));
  EXPECT_THAT(list.out, HasSubstr("active"));
  const Outcome csv = run({"user", "list", "--format", "csv", "--db", db_});
  EXPECT_THAT(csv.out, HasSubstr("amy.khan,Amy Khan,social_worker,999,,,,active"));
}

TEST_F(AccountsCliTest, ABadFieldIsBadUsageNamingTheOption) {
  const Outcome role = run(
      {"user", "add", "amy", "--name", "Amy", "--role", "superuser", "--la", "999", "--db", db_});
  EXPECT_EQ(role.exit_code, 2) << describe(role);
  EXPECT_THAT(role.err, HasSubstr("--role"));
  EXPECT_THAT(role.err, HasSubstr("'superuser' is not a role"));
  const Outcome la = run({"user", "add", "amy", "--name", "Amy", "--role", "social_worker", "--la",
                          "12", "--db", db_});
  EXPECT_EQ(la.exit_code, 2) << describe(la);
  EXPECT_THAT(la.err, HasSubstr("--la"));
  const Outcome team = run({"user", "add", "amy", "--name", "Amy", "--role", "team_manager", "--la",
                            "999", "--team", "T404", "--db", db_});
  EXPECT_EQ(team.exit_code, 2) << describe(team);
  EXPECT_THAT(team.err, HasSubstr("There is no team T404"));
  EXPECT_THAT(run({"user", "list", "--db", db_}).out, HasSubstr("no accounts yet"));
}

TEST_F(AccountsCliTest, ATakenUsernameIsAFailureAndAMissingDatabaseIsNotCreated) {
  ASSERT_EQ(add_worker("amy").exit_code, 0);
  const Outcome again = add_worker("AMY");
  EXPECT_EQ(again.exit_code, 1) << describe(again);
  EXPECT_THAT(again.err, HasSubstr("taken"));
  const Outcome missing = run({"user", "list", "--db", (dir_ / "typo.db").string()});
  EXPECT_EQ(missing.exit_code, 1) << describe(missing);
  EXPECT_FALSE(fs::exists(dir_ / "typo.db"));
}

TEST_F(AccountsCliTest, TakesAPasswordFromStandardInputAndJudgesIt) {
  const Outcome weak =
      run_with_input({"user", "add", "amy", "--name", "Amy", "--role", "social_worker", "--la",
                      "999", "--password-stdin", "--db", db_},
                     "password1234\n");
  EXPECT_EQ(weak.exit_code, 2) << describe(weak);
  EXPECT_THAT(weak.err, HasSubstr("most common passwords"));
  const Outcome good =
      run_with_input({"user", "add", "amy", "--name", "Amy", "--role", "social_worker", "--la",
                      "999", "--password-stdin", "--db", db_},
                     "a kettle of fish in June\n");
  EXPECT_EQ(good.exit_code, 0) << describe(good);
  EXPECT_THAT(good.out, Not(HasSubstr("password:")));
}

TEST_F(AccountsCliTest, DisablesEnablesAndResetsWithAReason) {
  ASSERT_EQ(add_worker("amy").exit_code, 0);
  const Outcome no_reason = run({"user", "disable", "amy", "--db", db_});
  EXPECT_EQ(no_reason.exit_code, 2) << describe(no_reason);
  EXPECT_THAT(no_reason.err, HasSubstr("--reason"));
  const Outcome disabled = run({"user", "disable", "amy", "--reason", "left", "--db", db_});
  EXPECT_EQ(disabled.exit_code, 0) << describe(disabled);
  EXPECT_THAT(run({"user", "list", "--db", db_}).out, HasSubstr("disabled"));
  EXPECT_EQ(run({"user", "enable", "amy", "--reason", "back", "--db", db_}).exit_code, 0);
  const Outcome reset = run({"user", "reset-password", "amy", "--reason", "forgot", "--db", db_});
  EXPECT_EQ(reset.exit_code, 0) << describe(reset);
  EXPECT_THAT(reset.out, HasSubstr("password: "));
  const Outcome nobody = run({"user", "disable", "nobody", "--reason", "x", "--db", db_});
  EXPECT_EQ(nobody.exit_code, 1) << describe(nobody);
  EXPECT_THAT(nobody.err, HasSubstr("nobody"));
}

TEST_F(AccountsCliTest, VerifiesTheAuditChainAndNamesTheFirstTamperedEntry) {
  ASSERT_EQ(add_worker("amy").exit_code, 0);
  ASSERT_EQ(add_worker("ben").exit_code, 0);
  ASSERT_EQ(run({"user", "disable", "ben", "--reason", "left", "--db", db_}).exit_code, 0);
  const Outcome intact = run({"audit", "verify", "--db", db_});
  EXPECT_EQ(intact.exit_code, 0) << describe(intact);
  // The load of the synthetic authority, two accounts added, one disabled.
  EXPECT_THAT(intact.out, HasSubstr("audit log intact: 4 entries"));

  // Someone with the database file: the triggers refuse the change, so they drop them first.
  const std::string tamper = "sqlite3 " + db_ +
                             " \"DROP TRIGGER audit_entry_no_update; UPDATE audit_entry SET "
                             "reason = 'nothing to see' WHERE seq = 2\"";
  ASSERT_EQ(std::system(tamper.c_str()), 0);
  const Outcome broken = run({"audit", "verify", "--db", db_});
  EXPECT_EQ(broken.exit_code, 1) << describe(broken);
  EXPECT_THAT(broken.out, HasSubstr("audit log BROKEN at entry 2"));
  EXPECT_THAT(broken.out, HasSubstr("changed after it was written"));
}

TEST_F(AccountsCliTest, SignsInOverHttpAndTheSessionOpensThePages) {
  const Outcome added =
      run_with_input({"user", "add", "amy", "--name", "Amy", "--role", "social_worker", "--la",
                      "999", "--password-stdin", "--db", db_},
                     "a kettle of fish in June\n");
  ASSERT_EQ(added.exit_code, 0) << describe(added);
  Server server({"serve", "--db", db_, "--port", "0"}, dir_ / ".serve-stderr");
  ASSERT_TRUE(server.read_line_with("Hearth is serving")) << server.out();
  const std::string marker = "at http://127.0.0.1:";
  const auto port = static_cast<uint16_t>(
      std::atoi(server.out().c_str() + server.out().find(marker) + marker.size()));

  const auto form = http_get(port, "/sign-in");
  ASSERT_TRUE(form);
  const std::string signin_cookie = cookie_from(*form, "hearth_signin");
  const std::string token = form_token(*form);
  ASSERT_FALSE(signin_cookie.empty()) << form->substr(0, 1500);
  EXPECT_EQ(token, signin_cookie);
  EXPECT_THAT(*form, HasSubstr("HttpOnly; SameSite=Strict"));

  const std::string body =
      "csrf_token=" + token + "&username=amy&password=a+kettle+of+fish+in+June&next=%2Fchildren";
  const auto forged = http_request(port, "POST", "/sign-in", "", body);
  ASSERT_TRUE(forged);
  EXPECT_EQ(forged->rfind("HTTP/1.1 403", 0), 0u) << forged->substr(0, 500);

  const auto signed_in = http_request(port, "POST", "/sign-in",
                                      "Cookie: hearth_signin=" + signin_cookie + "\r\n", body);
  ASSERT_TRUE(signed_in);
  EXPECT_EQ(signed_in->rfind("HTTP/1.1 303", 0), 0u) << signed_in->substr(0, 500);
  EXPECT_THAT(*signed_in, HasSubstr("Location: /children"));
  const std::string session = cookie_from(*signed_in, "hearth_session");
  ASSERT_EQ(session.size(), 64u) << signed_in->substr(0, 800);

  const auto children = http_get(port, "/children", "Cookie: hearth_session=" + session + "\r\n");
  ASSERT_TRUE(children);
  EXPECT_EQ(children->rfind("HTTP/1.1 200", 0), 0u) << children->substr(0, 500);
  EXPECT_THAT(*children, HasSubstr("Showing 1 to 25 of"));
  EXPECT_EQ(server.stop(SIGTERM), 0);

  const Outcome log = run({"audit", "show", "--user", "amy", "--db", db_});
  EXPECT_THAT(log.out, HasSubstr("sign_in"));
  EXPECT_THAT(log.out, HasSubstr("children.search"));
}

TEST_F(AccountsCliTest, ServeRefusesAnAddressBeyondTheMachineWithoutTls) {
  const Outcome o = run({"serve", "--db", db_, "--address", "0.0.0.0", "--port", "0"});
  EXPECT_EQ(o.exit_code, 2) << describe(o);
  EXPECT_THAT(o.err, HasSubstr("--behind-tls"));
}

TEST_F(CliTest, DemoMakesOneAccountPerRoleAndPrintsThemAgainLater) {
  const std::string demo_db = (dir_ / "demo.db").string();
  const Outcome first =
      run({"demo", "--db", demo_db, "--size", "small", "--years", "1", "--no-serve"});
  ASSERT_EQ(first.exit_code, 0) << describe(first);
  for (const char* username : {"social.worker", "team.manager", "reviewing.officer", "front.door",
                               "police.officer", "analyst", "admin", "auditor"}) {
    EXPECT_THAT(first.out, HasSubstr(username)) << describe(first);
  }
  const Outcome second = run({"demo", "--db", demo_db, "--no-serve"});
  ASSERT_EQ(second.exit_code, 0) << describe(second);
  EXPECT_EQ(first.out, second.out);  // the same accounts and passwords, from the file
  EXPECT_EQ(fs::status(demo_db + ".accounts").permissions() & fs::perms::others_read,
            fs::perms::none);
}

}  // namespace
