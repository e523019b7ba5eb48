// The access module's tables (store/access_store.hpp) and the lookups of a child's allocation,
// restriction and a partner agency's records, run against both backends.
#include <gtest/gtest.h>

#include "hearth/store/detail/open.hpp"
#include "hearth/store/postgres/postgres_connection.hpp"
#include "hearth/store/sqlite/sqlite_connection.hpp"
#include "hearth/store/store.hpp"

#include "support/sample_records.hpp"
#include "support/test_databases.hpp"

namespace hearth::store {
namespace {

using core::Timestamp;
using hearth::testing::change;
using hearth::testing::sample_child;
using hearth::testing::TestDatabase;

Timestamp at_second(int64_t seconds) {
  return Timestamp::from_micros(seconds * 1'000'000);
}

Account account(std::string id, std::string username, std::string role = "social_worker") {
  Account a;
  a.id = std::move(id);
  a.username = std::move(username);
  a.display_name = "Test " + a.username;
  a.role = std::move(role);
  a.la_code = "999";
  a.team_id = "T1";
  a.practitioner_id = "P1";
  return a;
}

Session session(std::string hash, std::string account_id, int64_t opened) {
  Session s;
  s.token_hash = std::move(hash);
  s.account_id = std::move(account_id);
  s.csrf_token = "csrf-" + s.token_hash;
  s.created_at = at_second(opened);
  s.last_seen_at = at_second(opened);
  s.expires_at = at_second(opened + 3600);
  s.address = "127.0.0.1";
  s.user_agent = "test";
  return s;
}

AuditEvent event(std::string action, std::string child_id = "", std::string actor = "U1") {
  AuditEvent e;
  e.at = at_second(100);
  e.actor_id = std::move(actor);
  e.actor_name = "amy";
  e.actor_role = "social_worker";
  e.action = std::move(action);
  e.outcome = "allowed";
  e.la_code = child_id.empty() ? "" : "999";
  e.child_id = std::move(child_id);
  e.target = "test";
  e.address = "127.0.0.1";
  return e;
}

class AccessStoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    database_ = std::make_unique<TestDatabase>(GetParam());
    ASSERT_FALSE(database_->target().empty()) << database_->error();
    auto opened = Store::open(database_->target());
    ASSERT_TRUE(opened) << opened.error().describe();
    store_ = std::move(*opened);
  }

  AccessStore& access() { return store_->access(); }

  // A connection of our own, to do what Hearth never does.
  std::unique_ptr<detail::Connection> raw_connection() {
    auto connection = GetParam() == "sqlite"
                          ? sqlite::open_connection({database_->target(), false, 0})
                          : postgres::open_connection(database_->target());
    EXPECT_TRUE(connection) << connection.error().describe();
    return connection ? std::move(*connection) : nullptr;
  }

  std::unique_ptr<TestDatabase> database_;
  std::unique_ptr<Store> store_;
};

TEST_P(AccessStoreTest, KeepsEveryRevisionOfAnAccountWithWhoAndWhy) {
  ASSERT_TRUE(access().put_account(account("U1", "Amy.Khan"), change("created", 10), 0));
  Account disabled = account("U1", "amy.khan");
  disabled.disabled = true;
  auto second = access().put_account(disabled, change("left the authority", 20), 1);
  ASSERT_TRUE(second) << second.error().describe();
  EXPECT_EQ(*second, 2);

  auto found = access().find_account("AMY.KHAN");
  ASSERT_TRUE(found) << found.error().describe();
  EXPECT_EQ(found->account.username, "amy.khan");
  EXPECT_TRUE(found->account.disabled);
  EXPECT_EQ(found->revision, 2);
  auto history = access().account_history("U1");
  ASSERT_TRUE(history);
  ASSERT_EQ(history->size(), 2u);
  EXPECT_FALSE((*history)[0].account.disabled);
  EXPECT_EQ((*history)[0].reason, "created");
  EXPECT_EQ((*history)[1].reason, "left the authority");
  EXPECT_EQ((*history)[1].recorded_by, "tester");
  EXPECT_EQ((*history)[1].recorded_at, at_second(20));
}

TEST_P(AccessStoreTest, RefusesATakenUsernameAndAStaleRevision) {
  ASSERT_TRUE(access().put_account(account("U1", "amy"), change("created"), 0));
  auto clash = access().put_account(account("U2", "AMY"), change("created"), 0);
  ASSERT_FALSE(clash);
  EXPECT_EQ(clash.error().code, core::ErrorCode::kConflict);
  EXPECT_EQ(clash.error().field, "username");
  EXPECT_FALSE(access().get_account("U2"));

  auto stale = access().put_account(account("U1", "amy"), change("edited"), 0);
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().code, core::ErrorCode::kConflict);
  auto list = access().list_accounts();
  ASSERT_TRUE(list);
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ(list->front().revision, 1);
}

TEST_P(AccessStoreTest, ReplacesAPasswordHash) {
  ASSERT_TRUE(access().put_account(account("U1", "amy"), change("created"), 0));
  EXPECT_EQ(access().password_hash("U1").error().code, core::ErrorCode::kNotFound);
  ASSERT_TRUE(access().set_password_hash("U1", "first", at_second(1)));
  ASSERT_TRUE(access().set_password_hash("U1", "second", at_second(2)));
  auto hash = access().password_hash("U1");
  ASSERT_TRUE(hash);
  EXPECT_EQ(*hash, "second");
  EXPECT_FALSE(access().set_password_hash("U9", "x", at_second(3)));
}

TEST_P(AccessStoreTest, FindsASessionWithItsAccountsCurrentRevisionAndRevokesIt) {
  ASSERT_TRUE(access().put_account(account("U1", "amy"), change("created"), 0));
  ASSERT_TRUE(access().create_session(session("h1", "U1", 100)));
  ASSERT_TRUE(access().create_session(session("h2", "U1", 200)));
  Account disabled = account("U1", "amy");
  disabled.disabled = true;
  ASSERT_TRUE(access().put_account(disabled, change("disabled"), 1));

  auto found = access().find_session("h1");
  ASSERT_TRUE(found) << found.error().describe();
  EXPECT_EQ(found->session.csrf_token, "csrf-h1");
  EXPECT_EQ(found->session.expires_at, at_second(3700));
  EXPECT_TRUE(found->account.disabled);
  EXPECT_FALSE(found->session.revoked_at);
  EXPECT_EQ(access().find_session("nope").error().code, core::ErrorCode::kNotFound);

  ASSERT_TRUE(access().touch_session("h1", at_second(150)));
  EXPECT_EQ(access().find_session("h1")->session.last_seen_at, at_second(150));
  ASSERT_TRUE(access().revoke_session("h1", at_second(160)));
  EXPECT_EQ(access().find_session("h1")->session.revoked_at, at_second(160));
  auto open = access().open_sessions("U1");
  ASSERT_TRUE(open);
  ASSERT_EQ(open->size(), 1u);
  EXPECT_EQ(open->front().token_hash, "h2");

  auto revoked = access().revoke_sessions("U1", at_second(170));
  ASSERT_TRUE(revoked);
  EXPECT_EQ(*revoked, 1);
  EXPECT_TRUE(access().open_sessions("U1")->empty());
  EXPECT_EQ(access().find_session("h1")->session.revoked_at, at_second(160));
}

TEST_P(AccessStoreTest, CountsFailedSignInsPerSubjectAndForgetsOldOnes) {
  using enum ThrottleScope;
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(access().record_sign_in_failure(kAccount, "U1", at_second(100 + i)));
  }
  ASSERT_TRUE(access().record_sign_in_failure(kAddress, "10.0.0.1", at_second(101)));
  EXPECT_EQ(access().sign_in_failures(kAccount, "U1", at_second(0))->size(), 3u);
  EXPECT_EQ(access().sign_in_failures(kAccount, "U1", at_second(101))->size(), 2u);
  EXPECT_EQ(access().sign_in_failures(kAddress, "10.0.0.1", at_second(0))->size(), 1u);
  auto times = access().sign_in_failures(kAccount, "U1", at_second(0));
  ASSERT_TRUE(times);
  EXPECT_EQ(times->front(), at_second(100));

  // A failure more than a day after the others forgets them.
  ASSERT_TRUE(access().record_sign_in_failure(kAccount, "U1", at_second(102 + 86'401)));
  EXPECT_EQ(access().sign_in_failures(kAccount, "U1", at_second(0))->size(), 1u);
  ASSERT_TRUE(access().clear_sign_in_failures(kAccount, "U1"));
  EXPECT_EQ(access().sign_in_failures(kAccount, "U1", at_second(0))->size(), 0u);
  EXPECT_EQ(access().sign_in_failures(kAddress, "10.0.0.1", at_second(0))->size(), 1u);
}

TEST_P(AccessStoreTest, HidesRestrictedChildrenFromViewersOutsideTheirList) {
  auto open = sample_child("C1", "Ava", "Smith");
  auto secret = sample_child("C2", "Bea", "Smith");
  secret.restricted = true;
  ASSERT_TRUE(store_->bulk_load(std::vector<Record>{open, secret}, change("loaded")));

  ChildQuery query{.la_code = "999", .name = "smith"};
  EXPECT_EQ(store_->find_children(query)->total, 2);  // no viewer: the engines see everyone
  query.viewer_account_id = "U1";
  auto seen = store_->find_children(query);
  ASSERT_TRUE(seen) << seen.error().describe();
  ASSERT_EQ(seen->total, 1);
  EXPECT_EQ(seen->rows[0].id, "C1");

  ASSERT_TRUE(access().set_restricted_member("999", "C2", "U1", true, change("case holder")));
  EXPECT_TRUE(*access().is_restricted_member("999", "C2", "U1"));
  EXPECT_FALSE(*access().is_restricted_member("999", "C2", "U2"));
  EXPECT_EQ(store_->find_children(query)->total, 2);
  EXPECT_TRUE(store_->find_children(query)->rows[1].restricted);
  EXPECT_EQ(*access().restricted_members("999", "C2"), std::vector<std::string>{"U1"});

  ASSERT_TRUE(access().set_restricted_member("999", "C2", "U1", false, change("moved team")));
  EXPECT_EQ(store_->find_children(query)->total, 1);
  EXPECT_FALSE(access().set_restricted_member("999", "C2", "U1", true, change("")));
}

TEST_P(AccessStoreTest, FindsChildrenByAllocationAndFollowsAChangeOfWorker) {
  auto mine = sample_child("C1", "Ava", "Smith");
  mine.allocated_worker_id = "W1";
  mine.team_id = "T1";
  auto teammate = sample_child("C2", "Bea", "Jones");
  teammate.allocated_worker_id = "W2";
  teammate.team_id = "T1";
  auto elsewhere = sample_child("C3", "Cal", "Brown");
  elsewhere.allocated_worker_id = "W3";
  elsewhere.team_id = "T2";
  ASSERT_TRUE(store_->bulk_load(std::vector<Record>{mine, teammate, elsewhere}, change("loaded")));

  auto by_worker = store_->find_children({.la_code = "999", .allocated_worker_id = "W1"});
  ASSERT_TRUE(by_worker) << by_worker.error().describe();
  ASSERT_EQ(by_worker->total, 1);
  EXPECT_EQ(by_worker->rows[0].allocated_worker_id, "W1");
  EXPECT_EQ(store_->find_children({.la_code = "999", .team_id = "T1"})->total, 2);

  teammate.allocated_worker_id = "W1";
  ASSERT_TRUE(store_->put(teammate, change("reallocated")));
  EXPECT_EQ(store_->find_children({.la_code = "999", .allocated_worker_id = "W1"})->total, 2);
  EXPECT_EQ(store_->find_children({.la_code = "999", .allocated_worker_id = "W2"})->total, 0);
}

TEST_P(AccessStoreTest, KeepsBreakGlassGrantsAndKnowsWhenTheyExpire) {
  ASSERT_TRUE(access().record_break_glass(
      {"U1", "999", "C1", "duty: police called", at_second(100), at_second(200)}));
  ASSERT_TRUE(access().record_break_glass(
      {"U2", "999", "C1", "strategy discussion", at_second(150), at_second(250)}));
  auto active = access().active_break_glass("U1", "999", "C1", at_second(199));
  ASSERT_TRUE(active);
  ASSERT_TRUE(active->has_value());
  EXPECT_EQ((*active)->reason, "duty: police called");
  EXPECT_FALSE(access().active_break_glass("U1", "999", "C1", at_second(200))->has_value());
  EXPECT_FALSE(access().active_break_glass("U1", "999", "C2", at_second(150))->has_value());
  auto all = access().break_glass_for_child("999", "C1");
  ASSERT_TRUE(all);
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].account_id, "U2");  // newest first
  EXPECT_FALSE(access().record_break_glass({"U1", "999", "C1", "", at_second(1), at_second(2)}));
}

TEST_P(AccessStoreTest, ChainsAuditEntriesInOrderAndFindsThemByChildAndByActor) {
  const AuditEvent first[] = {event("sign_in"), event("child.read", "C1")};
  auto written = access().append_audit(first);
  ASSERT_TRUE(written) << written.error().describe();
  ASSERT_EQ(written->size(), 2u);
  EXPECT_EQ((*written)[0].seq, 1);
  EXPECT_EQ((*written)[0].prev_hash, std::string(kAuditGenesis));
  EXPECT_EQ((*written)[0].hash, audit_hash(kAuditGenesis, 1, first[0]));
  EXPECT_EQ((*written)[1].prev_hash, (*written)[0].hash);

  const AuditEvent second[] = {event("child.read", "C2", "U2"), event("child.read", "C1", "U2")};
  ASSERT_TRUE(access().append_audit(second));
  auto head = access().audit_head();
  ASSERT_TRUE(head);
  EXPECT_EQ(head->seq, 4);

  auto range = access().audit_range(0, 100);
  ASSERT_TRUE(range);
  ASSERT_EQ(range->size(), 4u);
  EXPECT_EQ((*range)[1].event, first[1]);  // every field back as written
  EXPECT_EQ(head->hash, (*range)[3].hash);
  for (size_t i = 1; i < range->size(); ++i) {
    EXPECT_EQ((*range)[i].prev_hash, (*range)[i - 1].hash);
    EXPECT_EQ((*range)[i].hash,
              audit_hash((*range)[i].prev_hash, (*range)[i].seq, (*range)[i].event));
  }

  auto about_c1 = access().find_audit({.la_code = "999", .child_id = "C1"});
  ASSERT_TRUE(about_c1);
  ASSERT_EQ(about_c1->size(), 2u);
  EXPECT_EQ((*about_c1)[0].seq, 4);  // newest first
  auto by_u2 = access().find_audit({.actor_id = "U2", .before_seq = 4});
  ASSERT_TRUE(by_u2);
  ASSERT_EQ(by_u2->size(), 1u);
  EXPECT_EQ((*by_u2)[0].seq, 3);
}

TEST_P(AccessStoreTest, TheDatabaseRefusesToChangeOrDeleteAnAuditEntry) {
  const AuditEvent events[] = {event("child.read", "C1")};
  ASSERT_TRUE(access().append_audit(events));
  auto connection = raw_connection();
  ASSERT_TRUE(connection);
  EXPECT_FALSE(connection->exec("UPDATE audit_entry SET actor_id = 'someone else'"));
  EXPECT_FALSE(connection->exec("DELETE FROM audit_entry"));
  auto range = access().audit_range(0, 10);
  ASSERT_TRUE(range);
  ASSERT_EQ(range->size(), 1u);
  EXPECT_EQ(range->front().event.actor_id, "U1");
}

TEST_P(AccessStoreTest, TheDatabaseRefusesToChangeOrDeleteABreakGlassGrantOrAListChange) {
  ASSERT_TRUE(access().record_break_glass(
      {"U1", "999", "C1", "duty: police called", at_second(100), at_second(200)}));
  ASSERT_TRUE(access().set_restricted_member("999", "C2", "U1", true, change("allocated")));
  auto connection = raw_connection();
  ASSERT_TRUE(connection);
  // Lengthening a grant, or hiding who was put on a list, would leave no trace.
  EXPECT_FALSE(connection->exec("UPDATE break_glass SET expires_at = '2099-01-01T00:00:00Z'"));
  EXPECT_FALSE(connection->exec("DELETE FROM break_glass"));
  EXPECT_FALSE(connection->exec("UPDATE restricted_member_change SET reason = 'x'"));
  EXPECT_FALSE(connection->exec("DELETE FROM restricted_member_change"));
  auto active = access().active_break_glass("U1", "999", "C1", at_second(199));
  ASSERT_TRUE(active);
  EXPECT_TRUE(active->has_value());
  EXPECT_FALSE(access().active_break_glass("U1", "999", "C1", at_second(200))->has_value());
}

TEST_P(AccessStoreTest, FindsAPartnerAgencysOwnRecordsNewestFirst) {
  std::vector<Record> records;
  for (int i = 1; i <= 30; ++i) {
    domain::AgencyRecord r;
    r.id = "AR" + std::to_string(i);
    r.la_code = "999";
    r.agency_id = i % 3 == 0 ? "AG2" : "AG1";
    r.source = "police";
    r.local_ref = "CR/" + std::to_string(100 + i);
    r.recorded = core::Date::from_ymd(2024, 1, 1).value().add_days(i);
    records.push_back(r);
  }
  ASSERT_TRUE(store_->bulk_load(records, change("loaded")));
  auto page = store_->find_agency_records({.la_code = "999", .agency_id = "AG1", .page_size = 5});
  ASSERT_TRUE(page) << page.error().describe();
  EXPECT_EQ(page->total, 20);
  ASSERT_EQ(page->rows.size(), 5u);
  EXPECT_EQ(page->rows[0].id, "AR29");
  EXPECT_EQ(page->rows[1].id, "AR28");
  for (const auto& row : page->rows) EXPECT_EQ(row.agency_id, "AG1");

  auto by_ref =
      store_->find_agency_records({.la_code = "999", .agency_id = "AG1", .local_ref = "cr/11"});
  ASSERT_TRUE(by_ref);
  EXPECT_EQ(by_ref->total, 7);  // CR/110..CR/119 but for 112, 115 and 118 (agency AG2)
  EXPECT_FALSE(store_->find_agency_records({.la_code = "999"}));

  auto moved = std::get<domain::AgencyRecord>(records[0]);
  moved.agency_id = "AG2";
  ASSERT_TRUE(store_->put(moved, change("corrected agency")));
  EXPECT_EQ(store_->find_agency_records({.la_code = "999", .agency_id = "AG1"})->total, 19);
}

TEST_P(AccessStoreTest, MigratingAVersionOneDatabaseIndexesItsChildrenAndAgencyRecords) {
  // A fresh database at schema version 1, with a child and an agency record written as version
  // 1 wrote them.
  TestDatabase old_database(GetParam());
  ASSERT_FALSE(old_database.target().empty()) << old_database.error();
  auto all = detail::builtin_migrations(GetParam() == "sqlite" ? "sqlite" : "postgresql");
  {
    auto version_one = detail::open_store(old_database.target(), {}, all.subspan(0, 1));
    ASSERT_TRUE(version_one) << version_one.error().describe();
  }
  auto connection = GetParam() == "sqlite"
                        ? sqlite::open_connection({old_database.target(), false, 0})
                        : postgres::open_connection(old_database.target());
  ASSERT_TRUE(connection);
  auto child = sample_child("C1", "Ava", "Smith");
  child.allocated_worker_id = "W7";
  child.team_id = "T3";
  child.restricted = true;
  const std::string child_json = to_json(child);
  const std::string agency_json =
      R"({"id":"AR1","la_code":"999","agency_id":"AG1","source":"police","local_ref":"CR/1",)"
      R"("recorded":"2024-02-03"})";
  auto quote = [](const std::string& text) {
    std::string out = "'";
    for (char c : text) out += c == '\'' ? std::string("''") : std::string(1, c);
    return out + "'";
  };
  ASSERT_TRUE(
      (*connection)
          ->exec(
              "INSERT INTO record_revision (seq, kind, la_code, record_id, revision, child_id, "
              "recorded_at, recorded_by, reason, body) VALUES (1, 'child', '999', 'C1', 1, 'C1', "
              "'2024-01-01T00:00:00.000000Z', 'test', 'test', " +
              quote(child_json) +
              "), (2, 'agency_record', '999', 'AR1', 1, '', '2024-01-01T00:00:00.000000Z', 'test', "
              "'test', " +
              quote(agency_json) +
              ");"
              "INSERT INTO record_current (kind, la_code, record_id, revision, seq, child_id) "
              "VALUES "
              "('child', '999', 'C1', 1, 1, 'C1'), ('agency_record', '999', 'AR1', 1, 2, '');"
              "INSERT INTO child_search (la_code, child_id, sort_key) VALUES ('999', 'C1', "
              "'smith');"));
  connection->reset();

  auto migrated = Store::open(old_database.target());
  ASSERT_TRUE(migrated) << migrated.error().describe();
  auto found = (*migrated)->find_children({.la_code = "999", .allocated_worker_id = "W7"});
  ASSERT_TRUE(found) << found.error().describe();
  ASSERT_EQ(found->total, 1);
  EXPECT_EQ(found->rows[0].team_id, "T3");
  EXPECT_TRUE(found->rows[0].restricted);
  EXPECT_EQ((*migrated)->find_children({.la_code = "999", .viewer_account_id = "U1"})->total, 0);
  auto agency = (*migrated)->find_agency_records({.la_code = "999", .agency_id = "AG1"});
  ASSERT_TRUE(agency) << agency.error().describe();
  ASSERT_EQ(agency->total, 1);
  EXPECT_EQ(agency->rows[0].local_ref, "CR/1");
}

TEST_P(AccessStoreTest, GetsManyRecordsAtOnceLeavingOutTheMissingAndTheWithdrawn) {
  std::vector<Record> records;
  for (int i = 1; i <= 70; ++i) records.push_back(sample_child("C" + std::to_string(i), "A", "B"));
  records.push_back(domain::Team{"T1", "999", "Team one", "assessment"});
  ASSERT_TRUE(store_->bulk_load(records, change("loaded")));
  ASSERT_TRUE(store_->withdraw({RecordKind::kChild, "999", "C2"}, change("entered in error")));
  std::vector<RecordKey> keys{{RecordKind::kTeam, "999", "T1"},
                              {RecordKind::kChild, "999", "C2"},
                              {RecordKind::kChild, "999", "C404"},
                              {RecordKind::kChild, "888", "C1"}};
  for (int i = 3; i <= 70; ++i)
    keys.push_back({RecordKind::kChild, "999", "C" + std::to_string(i)});
  auto found = store_->get_many(keys);  // more keys than one statement takes
  ASSERT_TRUE(found) << found.error().describe();
  EXPECT_EQ(found->size(), 1u + 68u);
  size_t teams = 0;
  for (const auto& stored : *found) {
    if (std::holds_alternative<domain::Team>(stored.record)) ++teams;
    EXPECT_NE(id_of(stored.record), "C2");
    EXPECT_EQ(stored.info.revision, 1);
  }
  EXPECT_EQ(teams, 1u);
  EXPECT_TRUE(store_->get_many({})->empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, AccessStoreTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace hearth::store
