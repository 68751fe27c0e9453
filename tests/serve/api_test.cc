// The HTTP API as a client sees it: `marsad serve` started on a free port
// over a database ingested from examples/, queried on every route; then what
// an attacker tries (no token, another Host, traversal, oversized requests).
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <map>
#include <string>
#include <thread>
#include <tuple>
#include <utility>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "extract/extract.h"
#include "scratch_dir.h"
#include "serve/serve.h"

extern char** environ;

namespace {

using nlohmann::json;

const char* Binary() {
  const char* env = std::getenv("MARSAD");
  return env && *env ? env : MARSAD_BINARY;
}

// Runs argv to completion; returns its exit status and, in *out, its stdout+stderr.
int RunCommand(const std::vector<std::string>& args, std::string* out) {
  std::string cmd;
  for (const auto& a : args) cmd += "'" + a + "' ";
  cmd += "2>&1";
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return -1;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out->append(buf, n);
  const int status = pclose(p);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// A `marsad serve` child; its first stdout line is its URL.
struct ServerProcess {
  pid_t pid = -1;
  int port = 0;

  bool Start(const std::vector<std::string>& args, std::string* error) {
    int pipefd[2];
    if (pipe(pipefd) != 0) return false;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, pipefd[1], 1);
    posix_spawn_file_actions_addclose(&actions, pipefd[0]);
    std::vector<std::string> all{Binary()};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : all) argv.push_back(a.data());
    argv.push_back(nullptr);
    const int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(pipefd[1]);
    if (rc != 0) {
      close(pipefd[0]);
      *error = "cannot start " + all[0];
      return false;
    }
    std::string line;
    char c;
    while (read(pipefd[0], &c, 1) == 1 && c != '\n') line += c;
    close(pipefd[0]);
    const size_t colon = line.rfind(':');
    if (line.rfind("http://", 0) != 0 || colon == std::string::npos) {
      *error = "no URL from marsad serve: '" + line + "'";
      Stop();
      return false;
    }
    port = std::atoi(line.c_str() + colon + 1);
    return port > 0;
  }

  void Stop() {
    if (pid > 0) {
      kill(pid, SIGTERM);
      int status = 0;
      waitpid(pid, &status, 0);
      pid = -1;
    }
  }
  ~ServerProcess() { Stop(); }
};

struct Response {
  int status = 0;
  std::string headers;  // lower-cased
  std::string body;
  json Json() const { return json::parse(body, nullptr, false); }
  bool HasHeader(const std::string& h) const { return headers.find(h) != std::string::npos; }
};

// A client's connection, which sends bytes exactly as given (no client-side
// path normalisation).
class Connection {
 public:
  explicit Connection(int port) : fd_(socket(AF_INET, SOCK_STREAM, 0)) {
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
      close(fd_);
      fd_ = -1;
      return;
    }
    timeval tv{10, 0};
    setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  }
  ~Connection() {
    if (fd_ >= 0) close(fd_);
  }

  void Send(const std::string& raw) {
    size_t sent = 0;
    while (fd_ >= 0 && sent < raw.size()) {
      const ssize_t n = send(fd_, raw.data() + sent, raw.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) break;  // the server may close early on an oversized request
      sent += static_cast<size_t>(n);
    }
  }

  // The next response, read to its Content-Length; with `to_close`, all
  // that comes until the server closes the connection.
  Response Read(bool to_close = false) {
    size_t head_end;
    while ((head_end = unread_.find("\r\n\r\n")) == std::string::npos && Receive()) {
    }
    Response r;
    if (unread_.rfind("HTTP/1.1 ", 0) != 0 || head_end == std::string::npos) return r;
    r.status = std::atoi(unread_.c_str() + 9);
    r.headers = unread_.substr(0, head_end);
    for (char& c : r.headers) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const size_t length = r.headers.find("content-length: ");
    const size_t size = to_close || length == std::string::npos
                            ? std::string::npos
                            : std::strtoul(r.headers.c_str() + length + 16, nullptr, 10);
    while (unread_.size() - (head_end + 4) < size && Receive()) {
    }
    r.body = unread_.substr(head_end + 4, size);
    unread_.erase(0, size == std::string::npos ? unread_.size() : std::min(unread_.size(), head_end + 4 + size));
    return r;
  }

 private:
  bool Receive() {
    char buf[8192];
    const ssize_t n = fd_ < 0 ? -1 : recv(fd_, buf, sizeof buf, 0);
    if (n <= 0) return false;
    unread_.append(buf, static_cast<size_t>(n));
    return true;
  }

  int fd_;
  std::string unread_;
};

// Sends `raw` and reads what comes back until the server closes.
Response Raw(int port, const std::string& raw) {
  Connection c(port);
  c.Send(raw);
  return c.Read(/*to_close=*/true);
}

Response Get(int port, const std::string& target, const std::string& extra_headers = "") {
  return Raw(port, "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" +
                       extra_headers + "\r\n");
}

std::string Encode(const std::string& s) {
  std::string out;
  char buf[4];
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.') {
      out += static_cast<char>(c);
    } else {
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

class ApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    scratch_ = new marsad::testing::ScratchDir;
    db_ = new std::string(scratch_->path("examples.db"));
    std::string out;
    const int rc = RunCommand({Binary(), "--db", *db_, "ingest", "examples/corpus"}, &out);
    ASSERT_EQ(rc, 0) << out;
    server_ = new ServerProcess;
    std::string error;
    ASSERT_TRUE(server_->Start({"--db", *db_, "serve", "--port", "0"}, &error)) << error;
  }
  static void TearDownTestSuite() {
    delete server_;  // before the database it serves is removed
    delete scratch_;
    delete db_;
  }
  static int port() { return server_->port; }

  static marsad::testing::ScratchDir* scratch_;
  static std::string* db_;
  static ServerProcess* server_;
};
marsad::testing::ScratchDir* ApiTest::scratch_ = nullptr;
std::string* ApiTest::db_ = nullptr;
ServerProcess* ApiTest::server_ = nullptr;

void ExpectJsonError(const Response& r, int status) {
  EXPECT_EQ(r.status, status) << r.body;
  EXPECT_TRUE(r.HasHeader("content-type: application/json")) << r.headers;
  const json j = r.Json();
  ASSERT_TRUE(j.is_object()) << r.body;
  EXPECT_TRUE(j.contains("error") && j["error"].is_string()) << r.body;
}

TEST_F(ApiTest, StatsCountsTheExampleDocuments) {
  const Response r = Get(port(), "/api/stats");
  ASSERT_EQ(r.status, 200) << r.body;
  const json j = r.Json();
  EXPECT_EQ(j["documents"], 20);
  EXPECT_TRUE(j["watch_list"].is_null());
  EXPECT_TRUE(r.HasHeader("x-content-type-options: nosniff"));
}

TEST_F(ApiTest, SearchFindsOtherSpellingsWithHighlights) {
  const Response r = Get(port(), "/api/search?q=" + Encode("سورية") + "&limit=5");
  ASSERT_EQ(r.status, 200) << r.body;
  const json j = r.Json();
  ASSERT_TRUE(j["hits"].is_array());
  ASSERT_FALSE(j["hits"].empty());
  EXPECT_LE(j["hits"].size(), 5u);
  for (const auto& h : j["hits"]) {
    for (const char* k : {"doc", "title", "source", "published", "score", "exact", "snippet", "highlights"}) {
      EXPECT_TRUE(h.contains(k)) << k << " missing in " << h.dump();
    }
  }
  EXPECT_FALSE(j["hits"][0]["highlights"].empty());
  // The query as a name of a given type.
  const Response place = Get(port(), "/api/search?q=" + Encode("سورية") + "&type=LOC");
  ASSERT_EQ(place.status, 200) << place.body;
  EXPECT_FALSE(place.Json()["hits"].empty());
  const Response person = Get(port(), "/api/search?q=" + Encode("سورية") + "&type=PER");
  ASSERT_EQ(person.status, 200) << person.body;
  EXPECT_TRUE(person.Json()["hits"].empty());
}

TEST_F(ApiTest, SearchRejectsBadParameters) {
  ExpectJsonError(Get(port(), "/api/search?q=" + Encode("سوريا") + "&type=PLACE"), 400);
  ExpectJsonError(Get(port(), "/api/search"), 400);
  ExpectJsonError(Get(port(), "/api/search?q=" + Encode("سوريا") + "&limit=abc"), 400);
  ExpectJsonError(Get(port(), "/api/search?q=" + Encode("سوريا") + "&limit=0"), 400);
  ExpectJsonError(Get(port(), "/api/search?q=" + Encode("سوريا") + "&limit=-3"), 400);
  ExpectJsonError(Get(port(), "/api/search?q=%21%21%21"), 400);  // no searchable word
  ExpectJsonError(Get(port(), "/api/search?q=" + Encode("سوريا") + "&exact=maybe"), 400);
  ExpectJsonError(Get(port(), "/api/search?q=" + Encode("سوريا") + "&offset=-1"), 400);
  // Garbled bytes are no query, and no filter either (unfiltered, a list
  // would have answered as if they matched).
  ExpectJsonError(Get(port(), "/api/search?q=%FF%FE"), 400);
  ExpectJsonError(Get(port(), "/api/claims?about=%FF%FE"), 400);
}

TEST_F(ApiTest, SearchPagesCountTheWholeRanking) {
  const std::string q = "/api/search?q=" + Encode("سورية");
  const json whole = Get(port(), q + "&limit=200").Json();
  const size_t total = whole["total"].get<size_t>();
  ASSERT_GE(total, 3u);
  EXPECT_EQ(whole["hits"].size(), std::min<size_t>(total, 200));
  std::vector<int64_t> paged;
  for (size_t offset = 0; offset < total; offset += 2) {
    const json page = Get(port(), q + "&limit=2&offset=" + std::to_string(offset)).Json();
    EXPECT_EQ(page["total"], total);
    EXPECT_EQ(page["offset"], offset);
    for (const auto& h : page["hits"]) paged.push_back(h["doc"].get<int64_t>());
  }
  std::vector<int64_t> ranked;
  for (const auto& h : whole["hits"]) ranked.push_back(h["doc"].get<int64_t>());
  EXPECT_EQ(paged, ranked);
}

TEST_F(ApiTest, ExactTakesTheUsualSpellingsOfAFlag) {
  // قيراتوف (Qiratov): the examples also spell the name غيراتوف and
  // غايراتوف, found only when other spellings are.
  const std::string name = "/api/search?q=" + Encode("قيراتوف");
  const Response one = Get(port(), name + "&exact=1");
  ASSERT_EQ(one.status, 200) << one.body;
  ASSERT_FALSE(one.Json()["hits"].empty());
  for (const auto& h : one.Json()["hits"]) EXPECT_TRUE(h["exact"].get<bool>()) << h.dump();
  for (const char* on : {"true", "TRUE", "yes"}) {
    EXPECT_EQ(Get(port(), name + "&exact=" + on).body, one.body) << on;
  }
  const Response off = Get(port(), name);
  EXPECT_GT(off.Json()["hits"].size(), one.Json()["hits"].size());
  for (const char* value : {"0", "false", "no"}) {
    EXPECT_EQ(Get(port(), name + "&exact=" + value).body, off.body) << value;
  }
}

TEST_F(ApiTest, DocumentHasTextMentionsAndBoilerplate) {
  const Response list = Get(port(), "/api/docs?limit=100");
  ASSERT_EQ(list.status, 200) << list.body;
  const json docs = list.Json()["docs"];
  ASSERT_EQ(docs.size(), 20u);
  EXPECT_FALSE(docs[0].contains("text"));
  bool any_boilerplate = false;
  for (const auto& d : docs) {
    const Response r = Get(port(), "/api/docs/" + std::to_string(d["id"].get<int64_t>()));
    ASSERT_EQ(r.status, 200) << r.body;
    const json j = r.Json();
    for (const char* k : {"id", "title", "text", "source", "published", "boilerplate", "mentions"}) {
      EXPECT_TRUE(j.contains(k)) << k;
    }
    EXPECT_TRUE(j["mentions"].is_array());
    any_boilerplate |= !j["boilerplate"].empty();
  }
  EXPECT_TRUE(any_boilerplate) << "the examples have pages with navigation and comment forms";
}

TEST_F(ApiTest, BadAndMissingIdsAre4xx) {
  ExpectJsonError(Get(port(), "/api/docs/0"), 400);
  ExpectJsonError(Get(port(), "/api/docs/abc"), 400);
  ExpectJsonError(Get(port(), "/api/docs/-1"), 400);
  ExpectJsonError(Get(port(), "/api/docs/99999999999999999999999"), 400);
  ExpectJsonError(Get(port(), "/api/docs/123456"), 404);
  ExpectJsonError(Get(port(), "/api/entities/x"), 400);
  ExpectJsonError(Get(port(), "/api/entities/999999"), 404);
  ExpectJsonError(Get(port(), "/api/nothing"), 404);
  ExpectJsonError(Get(port(), "/api/entities?type=PLANET"), 400);
  ExpectJsonError(Get(port(), "/api/events?from=2024-13"), 400);
  ExpectJsonError(Get(port(), "/api/events?from=yesterday"), 400);
  ExpectJsonError(Get(port(), "/api/screen?name=x"), 400);  // no watch list loaded
  ExpectJsonError(Raw(port(), "DELETE /api/docs/1 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"),
                  405);
  ExpectJsonError(Raw(port(), "OPTIONS /api/stats HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"),
                  405);
  ExpectJsonError(Get(port(), "/api/events?type=bogus"), 400);
  EXPECT_EQ(Get(port(), "/api/events?type=killed").status, 200);
  // An unknown path is quoted in the error without cutting a letter in two:
  // 199 ASCII bytes, then Arabic letters of two bytes each.
  const Response long_path = Get(port(), "/api/" + std::string(194, 'x') + Encode("مسار طويل"));
  ExpectJsonError(long_path, 404);
  EXPECT_EQ(long_path.body.find("\xEF\xBF\xBD"), std::string::npos) << long_path.body;
  EXPECT_FALSE(long_path.Json().is_discarded());
}

TEST_F(ApiTest, WholeAnswersWhateverTheRangeAsked) {
  // A client asking for a byte range gets the whole JSON (the library had
  // sliced it and still answered 200), errors included.
  const Response stats = Get(port(), "/api/stats", "Range: bytes=0-9\r\n");
  EXPECT_EQ(stats.status, 200);
  EXPECT_FALSE(stats.Json().is_discarded()) << stats.body;
  ExpectJsonError(Get(port(), "/api/docs/123456", "Range: bytes=0-5\r\n"), 404);
}

TEST_F(ApiTest, GzipOnlyWhereTheClientTakesIt) {
  const std::string target = "/api/docs?limit=100";
  EXPECT_TRUE(Get(port(), target, "Accept-Encoding: GZIP\r\n").HasHeader("content-encoding: gzip"));
  EXPECT_TRUE(Get(port(), target, "Accept-Encoding: br, *\r\n").HasHeader("content-encoding: gzip"));
  EXPECT_FALSE(Get(port(), target, "Accept-Encoding: gzip;q=0, identity\r\n")
                   .HasHeader("content-encoding: gzip"));
  EXPECT_FALSE(Get(port(), target, "Accept-Encoding: x-gzipped\r\n").HasHeader("content-encoding"));
  // Named, gzip decides whatever * says.
  EXPECT_FALSE(Get(port(), target, "Accept-Encoding: gzip;q=0, *\r\n").HasHeader("content-encoding"));
}

TEST_F(ApiTest, RecordRoutesAnswerWithTheirShapes) {
  const json entities = Get(port(), "/api/entities?limit=5").Json();
  ASSERT_TRUE(entities["entities"].is_array()) << entities.dump();
  // total counts every entity, past the page too; with a type, those of it.
  const json all = Get(port(), "/api/entities?limit=1000").Json();
  EXPECT_EQ(entities["total"], all["entities"].size());
  EXPECT_GT(entities["total"].get<size_t>(), entities["entities"].size());
  size_t people = 0;
  for (const auto& e : all["entities"]) people += e["type"] == "PER";
  EXPECT_EQ(Get(port(), "/api/entities?type=PER&limit=1").Json()["total"], people);
  const json claims = Get(port(), "/api/claims").Json();
  ASSERT_TRUE(claims["claims"].is_array());
  for (const auto& c : claims["claims"]) ASSERT_TRUE(c.contains("about")) << c.dump();
  // A person's ages: the examples give Ilyas Gheiratov's, keyed by him and
  // found by his name.
  const json ages = Get(port(), "/api/claims/groups?about=" + Encode("غيراتوف")).Json();
  ASSERT_EQ(ages["groups"].size(), 1u) << ages.dump();
  const json& his = ages["groups"][0];
  EXPECT_EQ(his["unit"], "age_years");
  ASSERT_TRUE(his["about"].is_object()) << his.dump();
  EXPECT_EQ(his["about"]["name"], "إلياس غيراتوف");
  EXPECT_EQ(his["topic"], "age_years|عمر|#" + std::to_string(his["about"]["id"].get<int64_t>()));
  EXPECT_TRUE(his["place"].is_null());
  const json quotes = Get(port(), "/api/quotes?limit=3").Json();
  ASSERT_TRUE(quotes["quotes"].is_array());
  const json groups = Get(port(), "/api/claims/groups?limit=2&claims=1").Json();
  ASSERT_TRUE(groups["groups"].is_array()) << groups.dump();
  EXPECT_LE(groups["groups"].size(), 2u);
  EXPECT_GT(groups["total"].get<size_t>(), 0u) << "the examples give figures";
  for (const auto& g : groups["groups"]) {
    for (const char* k : {"topic", "counted", "place", "about", "claims", "sources", "docs", "low", "high", "verdict"}) {
      ASSERT_TRUE(g.contains(k)) << k << " in " << g.dump();
    }
    ASSERT_EQ(g["first"].size(), 1u);
    // A group's claims are those of its topic.
    const json of_topic =
        Get(port(), "/api/claims?topic=" + Encode(g["topic"].get<std::string>())).Json();
    EXPECT_EQ(of_topic["total"], g["claims"]);
    EXPECT_EQ(of_topic["claims"][0]["id"], g["first"][0]["id"]);
  }
  ExpectJsonError(Get(port(), "/api/claims/groups?limit=0"), 400);
  ExpectJsonError(Get(port(), "/api/claims/groups?claims=x"), 400);
  ExpectJsonError(Get(port(), "/api/claims/groups?doc=1"), 400);
  const json events = Get(port(), "/api/events?from=2023&to=2024-12-31").Json();
  ASSERT_TRUE(events["events"].is_array());
  // An event of a near-duplicate document says which document it copies,
  // so that a chart counts the happening once.
  const json docs = Get(port(), "/api/docs?limit=1000").Json();
  std::map<int64_t, json> copies;
  for (const auto& d : docs["docs"]) copies[d["id"].get<int64_t>()] = d["duplicate_of"];
  size_t copied = 0;
  for (const auto& e : events["events"]) {
    ASSERT_TRUE(e.contains("doc_duplicate_of")) << e.dump();
    EXPECT_EQ(e["doc_duplicate_of"], copies[e["doc"].get<int64_t>()]) << e.dump();
    copied += !e["doc_duplicate_of"].is_null();
  }
  EXPECT_GT(copied, 0u);
  // The examples tell an attack and an arrest in two documents each.
  const json incidents = Get(port(), "/api/incidents?limit=1").Json();
  ASSERT_TRUE(incidents["incidents"].is_array()) << incidents.dump();
  EXPECT_GE(incidents["total"].get<size_t>(), 2u);
  ASSERT_EQ(incidents["incidents"].size(), 1u);
  const json& incident = incidents["incidents"][0];
  for (const char* k : {"id", "type", "date", "place", "place_entity", "events", "docs", "outlets", "killed_low",
                        "killed_high", "injured_low", "injured_high", "verdict"}) {
    ASSERT_TRUE(incident.contains(k)) << k << " in " << incident.dump();
  }
  const json told = Get(port(), "/api/events?incident=" + std::to_string(incident["id"].get<int64_t>())).Json();
  EXPECT_EQ(told["total"], incident["events"]);
  for (const auto& e : told["events"]) EXPECT_EQ(e["incident"], incident["id"]);
  // The attack's figures, each from one of its reports.
  bool attack = false;
  const json all_incidents = Get(port(), "/api/incidents").Json();
  for (const auto& r : all_incidents["incidents"]) {
    if (r["type"] != "attack") continue;
    attack = true;
    const std::string id = std::to_string(r["id"].get<int64_t>());
    std::set<int64_t> docs;
    const json reports = Get(port(), "/api/events?incident=" + id).Json();
    for (const auto& e : reports["events"]) docs.insert(e["doc"].get<int64_t>());
    const json figures = Get(port(), "/api/claims?incident=" + id).Json();
    EXPECT_GE(figures["total"].get<size_t>(), 2u) << figures.dump();
    for (const auto& c : figures["claims"]) EXPECT_TRUE(docs.count(c["doc"].get<int64_t>())) << c.dump();
  }
  EXPECT_TRUE(attack) << "no attack among the incidents";
  ExpectJsonError(Get(port(), "/api/incidents?entity=1"), 400);
  ExpectJsonError(Get(port(), "/api/incidents?type=bogus"), 400);
  const json graph = Get(port(), "/api/graph?min_docs=2").Json();
  ASSERT_TRUE(graph["nodes"].is_array());
  ASSERT_TRUE(graph["edges"].is_array());
  if (entities["entities"].empty()) GTEST_SKIP() << "this store has no entities yet";

  const json e = entities["entities"][0];
  for (const char* k : {"id", "type", "name", "latin", "aliases", "doc_count", "mentions"}) {
    EXPECT_TRUE(e.contains(k)) << k;
  }
  const Response p = Get(port(), "/api/entities/" + std::to_string(e["id"].get<int64_t>()));
  ASSERT_EQ(p.status, 200) << p.body;
  const json profile = p.Json();
  for (const char* k : {"entity", "related", "documents", "quotes", "claims", "events", "screening"}) {
    EXPECT_TRUE(profile.contains(k)) << k;
  }
  EXPECT_EQ(profile["entity"]["id"], e["id"]);
  EXPECT_FALSE(profile["documents"].empty());
  for (const auto& c : claims["claims"]) {
    for (const char* k : {"id", "doc", "value", "unit", "counted", "source", "sentence", "start", "end", "topic"}) {
      ASSERT_TRUE(c.contains(k)) << k << " in " << c.dump();
    }
  }
  for (const auto& ev : events["events"]) {
    const std::string d = ev["date"].is_string() ? ev["date"].get<std::string>() : "";
    EXPECT_TRUE(d.empty() || (d >= "2023" && d <= "2024-12-31")) << d;
  }
  // A name in one spelling finds the entity written in another.
  const json found = Get(port(), "/api/entities?q=" + Encode("جوفورجون رحيموف")).Json();
  EXPECT_FALSE(found["entities"].empty()) << found.dump();
  EXPECT_EQ(found["total"], found["entities"].size());
  // A name search counts its matches past the page and the offset too: the
  // examples have two Rahimovs.
  const json both = Get(port(), "/api/entities?q=" + Encode("رحيموف")).Json();
  ASSERT_EQ(both["entities"].size(), 2u) << both.dump();
  EXPECT_EQ(both["total"], 2);
  const json first = Get(port(), "/api/entities?limit=1&q=" + Encode("رحيموف")).Json();
  EXPECT_EQ(first["entities"].size(), 1u);
  EXPECT_EQ(first["total"], 2);
  const json second = Get(port(), "/api/entities?offset=1&q=" + Encode("رحيموف")).Json();
  EXPECT_EQ(second["entities"].size(), 1u);
  EXPECT_EQ(second["total"], 2);
}

// A profile holds the first page of each list with its total; the list
// routes, filtered on the entity, give the same records from the start and
// the rest after them.
TEST_F(ApiTest, ProfileHoldsFirstPagesAndListRoutesPageTheRest) {
  const json entities = Get(port(), "/api/entities?limit=1000").Json();
  ASSERT_TRUE(entities["entities"].is_array()) << entities.dump();
  if (entities["entities"].empty()) GTEST_SKIP() << "this store has no entities yet";
  // The entity with the most records of each kind, to page through.
  std::map<std::string, std::pair<size_t, int64_t>> longest;
  size_t checked = 0;
  for (const json& e : entities["entities"]) {
    // Lists show a count, not the ids of every document.
    EXPECT_FALSE(e.contains("docs")) << e.dump();
    ASSERT_TRUE(e["doc_count"].is_number_integer()) << e.dump();
    if (checked++ == 40) break;
    const int64_t id = e["id"].get<int64_t>();
    const json p = Get(port(), "/api/entities/" + std::to_string(id)).Json();
    ASSERT_TRUE(p.is_object()) << id;
    EXPECT_FALSE(p["entity"].contains("docs"));
    EXPECT_EQ(p["entity"]["doc_count"], e["doc_count"]);
    EXPECT_EQ(p["documents_total"], e["doc_count"]);
    const std::vector<std::pair<std::string, size_t>> pages = {
        {"documents", 100}, {"quotes", 50}, {"claims", 50}, {"events", 50}};
    for (const auto& [list, page] : pages) {
      ASSERT_TRUE(p[list].is_array()) << list;
      ASSERT_TRUE(p[list + "_total"].is_number_integer()) << list << " of " << id;
      const size_t total = p[list + "_total"].get<size_t>();
      EXPECT_EQ(p[list].size(), std::min(total, page)) << list << " of " << id;
      if (total > longest[list].first) longest[list] = {total, id};
    }
  }
  // Every record of the longest list, one page of one at a time.
  const std::vector<std::tuple<std::string, std::string, std::string>> routes = {
      {"documents", "docs", "docs"}, {"quotes", "quotes", "quotes"}, {"claims", "claims", "claims"},
      {"events", "events", "events"}};
  for (const auto& [list, route, key] : routes) {
    const auto [total, id] = longest[list];
    if (total == 0) continue;
    const json p = Get(port(), "/api/entities/" + std::to_string(id)).Json();
    for (size_t offset = 0; offset <= total; ++offset) {
      const Response r = Get(port(), "/api/" + route + "?entity=" + std::to_string(id) +
                                         "&limit=1&offset=" + std::to_string(offset));
      ASSERT_EQ(r.status, 200) << r.body;
      const json page = r.Json();
      EXPECT_EQ(page["total"], total) << route;
      if (offset == total) {
        EXPECT_TRUE(page[key].empty()) << route;
      } else {
        ASSERT_EQ(page[key].size(), 1u) << route << " offset " << offset;
        if (offset < p[list].size()) {
          EXPECT_EQ(page[key][0]["id"], p[list][offset]["id"]) << route;
        }
      }
    }
  }
  EXPECT_GT(longest["documents"].first, 1u);
  EXPECT_GT(longest["events"].first + longest["quotes"].first + longest["claims"].first, 0u);
  ExpectJsonError(Get(port(), "/api/docs?entity=99999999"), 404);
  ExpectJsonError(Get(port(), "/api/docs?entity=x"), 400);
  ExpectJsonError(Get(port(), "/api/quotes?entity=1&offset=-1"), 400);
}

TEST_F(ApiTest, DashboardIsEmbeddedWithTypesAndCaching) {
  const Response index = Get(port(), "/");
  ASSERT_EQ(index.status, 200);
  EXPECT_TRUE(index.HasHeader("content-type: text/html; charset=utf-8")) << index.headers;
  EXPECT_TRUE(index.HasHeader("content-security-policy: default-src 'self'"));
  EXPECT_TRUE(index.HasHeader("etag: \""));
  EXPECT_TRUE(index.HasHeader("cache-control: no-cache"));
  EXPECT_NE(index.body.find("dir=\"rtl\""), std::string::npos);
  // The script it names is served as JavaScript, cached for good, and its
  // ETag answers 304.
  const size_t at = index.body.find("<script src=\"");
  ASSERT_NE(at, std::string::npos) << index.body;
  const std::string js = index.body.substr(at + 13, index.body.find('"', at + 13) - at - 13);
  const Response script = Get(port(), js);
  ASSERT_EQ(script.status, 200) << js;
  EXPECT_TRUE(script.HasHeader("content-type: text/javascript")) << script.headers;
  EXPECT_TRUE(script.HasHeader("immutable"));
  const size_t e = script.headers.find("etag: ");
  ASSERT_NE(e, std::string::npos);
  const std::string etag = script.headers.substr(e + 6, script.headers.find("\r\n", e) - e - 6);
  EXPECT_EQ(Get(port(), js, "If-None-Match: " + etag + "\r\n").status, 304);
  // The favicon's name carries no hash: it is checked, not kept for good.
  const Response icon = Get(port(), "/favicon.svg");
  ASSERT_EQ(icon.status, 200);
  EXPECT_TRUE(icon.HasHeader("cache-control: no-cache")) << icon.headers;
  // Compressed when asked, once, with gzip.
  const Response gz = Get(port(), js, "Accept-Encoding: gzip, deflate, br\r\n");
  EXPECT_TRUE(gz.HasHeader("content-encoding: gzip")) << gz.headers;
  EXPECT_EQ(gz.headers.find("content-encoding: br"), std::string::npos);
  EXPECT_LT(gz.body.size(), script.body.size());
  EXPECT_NE(gz.headers.find("content-length: " + std::to_string(gz.body.size())), std::string::npos);
  // API answers too, with a Content-Length that matches what is sent.
  const Response api = Get(port(), "/api/docs?limit=100", "Accept-Encoding: gzip\r\n");
  EXPECT_TRUE(api.HasHeader("content-encoding: gzip")) << api.headers;
  EXPECT_NE(api.headers.find("content-length: " + std::to_string(api.body.size())), std::string::npos)
      << api.headers << "\n" << api.body.size();
}

TEST_F(ApiTest, PathTraversalFindsNothing) {
  for (const char* target :
       {"/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fetc%2fpasswd", "/%2E%2E/", "/..\\..\\etc\\passwd",
        "//etc/passwd", "/index.html/../../../etc/passwd", "/api/../../etc/passwd", "/.%2e/.%2e/etc/passwd",
        "/%252e%252e/etc/passwd", "/src/serve/serve.cc", "/CMakeLists.txt", "/examples/gold.json"}) {
    const Response r = Get(port(), target);
    EXPECT_TRUE(r.status == 404 || r.status == 400) << target << " -> " << r.status;
    EXPECT_EQ(r.body.find("root:"), std::string::npos) << target;
  }
}

TEST_F(ApiTest, OversizedRequestsAreRefused) {
  const Response uri = Get(port(), "/api/search?q=" + std::string(20000, 'a'));
  ExpectJsonError(uri, 414);
  const std::string body(1 << 20, 'x');
  const Response post = Raw(port(), "POST /api/search HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                                    "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body);
  EXPECT_EQ(post.status, 413) << post.body;
  ExpectJsonError(Get(port(), "/api/search?q=" + std::string(600, 'a')), 400);  // parameter limit
}

// `body` as HTTP/1.1 chunks of `chunk` bytes, with the last, empty one.
std::string Chunked(const std::string& body, size_t chunk) {
  std::string out;
  char size[32];
  for (size_t at = 0; at < body.size(); at += chunk) {
    const size_t n = std::min(chunk, body.size() - at);
    std::snprintf(size, sizeof size, "%zx\r\n", n);
    out += size + body.substr(at, n) + "\r\n";
  }
  return out + "0\r\n\r\n";
}

TEST_F(ApiTest, ABodySentInChunksIsHeldToTheLimit) {
  // 1 MB in chunks, over the 64 KB a server without ingest reads; then, on
  // the same connection, one more request. The body is refused, and read to
  // its end: the next request is read where it begins.
  const std::string body(1 << 20, 'x');
  for (const char* target : {"/api/search", "/api/ingest"}) {
    Connection c(port());
    c.Send(std::string("POST ") + target +
           " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n" +
           Chunked(body, 4096));
    ExpectJsonError(c.Read(), 413);
    c.Send("GET /api/stats HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    const Response next = c.Read();
    EXPECT_EQ(next.status, 200) << target << ": " << next.headers << next.body;
  }
}

TEST_F(ApiTest, ForeignHostHeaderIsRefusedWithoutToken) {
  // A page on another site that rebinds its name to 127.0.0.1.
  const Response r = Raw(port(), "GET /api/stats HTTP/1.1\r\nHost: evil.example:" + std::to_string(port()) +
                                     "\r\nConnection: close\r\n\r\n");
  ExpectJsonError(r, 403);
  EXPECT_EQ(Raw(port(), "GET /api/stats HTTP/1.1\r\nHost: localhost:" + std::to_string(port()) +
                            "\r\nConnection: close\r\n\r\n").status, 200);
}

TEST_F(ApiTest, PublicHostRefusesToStartWithoutToken) {
  std::string out;
  EXPECT_EQ(RunCommand({Binary(), "--db", *db_, "serve", "--host", "0.0.0.0", "--port", "0"}, &out), 1);
  EXPECT_NE(out.find("--token"), std::string::npos) << out;
  out.clear();
  EXPECT_EQ(RunCommand({Binary(), "--db", *db_, "serve", "--host", "0.0.0.0", "--token", "short"}, &out), 1);
}

TEST_F(ApiTest, PortInUseIsRefused) {
  std::string out;
  EXPECT_EQ(RunCommand({Binary(), "--db", *db_, "serve", "--port", std::to_string(port())}, &out), 1) << out;
  EXPECT_NE(out.find("cannot listen"), std::string::npos) << out;
}

TEST_F(ApiTest, TokenIsCheckedOnEveryRequest) {
  ServerProcess guarded;
  std::string error;
  const std::string token = "s3cret-token-for-tests";
  ASSERT_TRUE(guarded.Start({"--db", *db_, "serve", "--host", "0.0.0.0", "--port", "0", "--token", token}, &error))
      << error;
  ExpectJsonError(Get(guarded.port, "/api/stats"), 401);
  ExpectJsonError(Get(guarded.port, "/"), 401);
  ExpectJsonError(Get(guarded.port, "/api/stats?token=wrong-token-xx"), 401);
  ExpectJsonError(Get(guarded.port, "/api/stats", "Authorization: Bearer wrong\r\n"), 401);
  EXPECT_EQ(Get(guarded.port, "/api/stats", "Authorization: Bearer " + token + "\r\n").status, 200);
  // The scheme's name in any case (RFC 9110).
  EXPECT_EQ(Get(guarded.port, "/api/stats", "Authorization: bearer " + token + "\r\n").status, 200);
  EXPECT_EQ(Get(guarded.port, "/api/stats?token=" + token).status, 200);
  // Opening the dashboard with ?token= sets the cookie its requests carry.
  const Response page = Get(guarded.port, "/?token=" + token);
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(page.HasHeader("set-cookie: marsad_token=" + token)) << page.headers;
  EXPECT_TRUE(page.HasHeader("httponly"));
  EXPECT_EQ(Get(guarded.port, "/api/stats", "Cookie: marsad_token=" + token + "\r\n").status, 200);
  // Any Host is fine with a token.
  EXPECT_EQ(Raw(guarded.port, "GET /api/stats?token=" + token +
                                  " HTTP/1.1\r\nHost: 192.0.2.1\r\nConnection: close\r\n\r\n").status,
            200);
  // A body without the token is refused for the token, whatever its size:
  // it is read and dropped, never held.
  const Response posted = Raw(guarded.port, "POST /api/search HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                                            "Transfer-Encoding: chunked\r\n\r\n" +
                                                Chunked(std::string(1 << 20, 'x'), 4096));
  ExpectJsonError(posted, 401);
  EXPECT_TRUE(posted.HasHeader("www-authenticate: bearer")) << posted.headers;
}

TEST_F(ApiTest, WatchListScreensNamesAndProfiles) {
  ServerProcess listed;
  std::string error;
  ASSERT_TRUE(listed.Start({"--db", *db_, "serve", "--port", "0", "--list", "tests/serve/watchlist.xml"}, &error))
      << error;
  const json stats = Get(listed.port, "/api/stats").Json();
  EXPECT_EQ(stats["watch_list"]["entries"], 3) << stats.dump();
  const Response r = Get(listed.port, "/api/screen?name=" + Encode("غوفورجون رحيموف"));
  ASSERT_EQ(r.status, 200) << r.body;
  const json hits = r.Json()["hits"];
  ASSERT_FALSE(hits.empty()) << r.body;
  EXPECT_EQ(hits[0]["list_entry_id"], "QDi.990");
  for (const char* k : {"name", "list_entry_id", "list_name", "score", "why", "matched_alias"}) {
    EXPECT_TRUE(hits[0].contains(k)) << k;
  }
  ExpectJsonError(Get(listed.port, "/api/screen"), 400);
  // The profile of the entity carries the same hit.
  const json found = Get(listed.port, "/api/entities?type=PER&q=" + Encode("غوفورجون رحيموف")).Json();
  if (found["entities"].empty()) GTEST_SKIP() << "this store has no entities yet";
  const json profile =
      Get(listed.port, "/api/entities/" + std::to_string(found["entities"][0]["id"].get<int64_t>())).Json();
  ASSERT_FALSE(profile["screening"].empty()) << profile["entity"].dump();
  EXPECT_EQ(profile["screening"][0]["list_entry_id"], "QDi.990");
  EXPECT_EQ(profile["watch_list"], true);
}

Response Post(int port, const std::string& target, const std::string& content_type,
              const std::string& body, const std::string& extra_headers = "") {
  return Raw(port, "POST " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" +
                       "Content-Type: " + content_type + "\r\nContent-Length: " +
                       std::to_string(body.size()) + "\r\n" + extra_headers + "\r\n" + body);
}

TEST_F(ApiTest, IngestIsOffUnlessTheServerWasStartedWithIt) {
  EXPECT_EQ(Get(port(), "/api/stats").Json()["ingest"], false);
  const Response r = Post(port(), "/api/ingest", "application/json", R"({"text": "نص"})");
  ExpectJsonError(r, 403);
  EXPECT_NE(r.Json()["error"].get<std::string>().find("--ingest"), std::string::npos) << r.body;
}

// A fictional report written for this test.
constexpr const char* kPostedReport =
    "أعلنت الشرطة في مدينة الموصل اعتقال مقاتل أجنبي يوم الأحد، وقال المتحدث باسم شرطة "
    "الموصل العقيد خالد الجبوري إن المعتقل كان يخطط لهجوم على سوق المدينة.";

TEST_F(ApiTest, IngestAddsThePostedDocumentsToANewDatabase) {
  ServerProcess writer;
  std::string error;
  const std::string db = scratch_->path("posted.db");
  ASSERT_TRUE(writer.Start({"--db", db, "serve", "--port", "0", "--ingest"}, &error)) << error;
  const json stats = Get(writer.port, "/api/stats").Json();
  EXPECT_EQ(stats["ingest"], true);
  EXPECT_EQ(stats["documents"], 0);

  const std::string doc =
      json{{"title", "اعتقال في الموصل"}, {"text", kPostedReport}, {"published", "2024-05-12"}}.dump();
  const Response added = Post(writer.port, "/api/ingest?source=wire", "application/json", doc);
  ASSERT_EQ(added.status, 200) << added.body;
  const json summary = added.Json();
  EXPECT_EQ(summary["added"], 1);
  EXPECT_EQ(summary["analyzed"], 1);
  EXPECT_TRUE(summary["problems"].empty()) << added.body;
  const json docs = Get(writer.port, "/api/docs").Json()["docs"];
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(summary["docs"], json::array({docs[0]["id"]}));
  EXPECT_EQ(docs[0]["source"], "wire");
  EXPECT_EQ(docs[0]["published"], "2024-05-12");
  EXPECT_TRUE(docs[0]["path"].get<std::string>().starts_with("upload:")) << docs[0].dump();
  EXPECT_TRUE(docs[0]["path"].get<std::string>().ends_with(".json")) << docs[0].dump();
  const json people = Get(writer.port, "/api/entities?type=PER&q=" + Encode("خالد الجبوري")).Json();
  EXPECT_FALSE(people["entities"].empty()) << people.dump();

  // The same document again is no new one, as with `marsad ingest`.
  const Response again = Post(writer.port, "/api/ingest", "application/json", doc);
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(again.Json()["added"], 0);
  EXPECT_EQ(again.Json()["already_stored"], 1);
  EXPECT_TRUE(again.Json()["docs"].empty());

  // A named upload is read by its extension; a bad line costs only itself.
  const std::string lines =
      json{{"text", std::string(kPostedReport) + " وأضاف أن التحقيق مستمر."}}.dump() + "\n{broken\n";
  const Response batch = Post(writer.port, "/api/ingest?name=feed.jsonl", "application/octet-stream", lines);
  ASSERT_EQ(batch.status, 200) << batch.body;
  EXPECT_EQ(batch.Json()["read"], 1);
  ASSERT_EQ(batch.Json()["problems"].size(), 1u) << batch.body;
  EXPECT_EQ(batch.Json()["problems"][0]["path"], "upload:feed.jsonl:2");

  // An article over the 64 KB limit of other requests.
  std::string long_text;
  while (long_text.size() < 100'000) long_text += std::string(kPostedReport) + "\n";
  EXPECT_EQ(Post(writer.port, "/api/ingest", "text/plain; charset=utf-8", "عنوان طويل\n\n" + long_text).status,
            200);
  EXPECT_EQ(Get(writer.port, "/api/stats").Json()["documents"], 3);
}

TEST_F(ApiTest, IngestRefusesWhatItCannotRead) {
  ServerProcess writer;
  std::string error;
  const std::string db = scratch_->path("refused.db");
  ASSERT_TRUE(writer.Start({"--db", db, "serve", "--port", "0", "--ingest"}, &error)) << error;
  const std::string doc = json{{"text", kPostedReport}}.dump();
  // A page of another site posting through the user's browser.
  ExpectJsonError(Post(writer.port, "/api/ingest", "text/plain", doc, "Origin: http://evil.example\r\n"), 403);
  ExpectJsonError(Post(writer.port, "/api/ingest", "text/plain", doc, "Origin: null\r\n"), 403);
  ExpectJsonError(Post(writer.port, "/api/ingest", "image/png", doc), 415);
  ExpectJsonError(Post(writer.port, "/api/ingest?name=" + Encode("../x.txt"), "text/plain", doc), 400);
  ExpectJsonError(Post(writer.port, "/api/ingest?published=2024-13-01", "application/json", doc), 400);
  ExpectJsonError(Post(writer.port, "/api/ingest", "application/json", ""), 400);
  const Response empty = Post(writer.port, "/api/ingest", "application/json", R"({"title": "x"})");
  ExpectJsonError(empty, 400);
  EXPECT_EQ(empty.Json()["problems"].size(), 1u) << empty.body;
  EXPECT_EQ(Get(writer.port, "/api/stats").Json()["documents"], 0);
  // What the HTTP library would inflate or parse as a form is refused, not
  // read so: a body with a Content-Encoding (a gzip bomb), a form (an
  // article's "&source=" would become a parameter). Nor when named.
  ExpectJsonError(Post(writer.port, "/api/ingest?name=a.txt", "text/plain", doc, "Content-Encoding: gzip\r\n"), 415);
  ExpectJsonError(Post(writer.port, "/api/ingest?name=a.txt", "application/x-www-form-urlencoded", doc), 415);
  ExpectJsonError(Post(writer.port, "/api/ingest?name=a.txt", "multipart/form-data; boundary=x", doc), 415);
  ExpectJsonError(Post(writer.port, "/api/ingest?name=", "application/pdf", doc), 415);
  const Response get = Get(writer.port, "/api/ingest");
  ExpectJsonError(get, 405);
  EXPECT_TRUE(get.HasHeader("allow: post")) << get.headers;
  // The dashboard's own origin is this server's. (The header the server
  // keeps a refused encoding or form under is its own, not the client's.)
  EXPECT_EQ(Post(writer.port, "/api/ingest", "application/json", doc,
                 "Origin: http://127.0.0.1\r\nX-Marsad-Sent-As: Content-Type: multipart/x\r\n").status,
            200);
  // A body sent in chunks, as a client streaming a file sends it (a
  // fictional report).
  const std::string streamed =
      "قالت وزارة الداخلية في بيان يوم الثلاثاء إن قوات الأمن أوقفت ثلاثة مطلوبين في مدينة "
      "البصرة، وإن التحقيق معهم جار.";
  const Response chunked = Raw(writer.port, "POST /api/ingest HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                                            "Content-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n" +
                                                Chunked(streamed, 100));
  ASSERT_EQ(chunked.status, 200) << chunked.body;
  EXPECT_EQ(chunked.Json()["added"], 1) << chunked.body;
}

TEST_F(ApiTest, ARefusedBodyIsNeverReadAsARequest) {
  // A page elsewhere posts, through the user's browser, an article refused
  // for its origin; its body hides a request without one where the server
  // would begin reading the next request if the refused body were left on
  // the connection (its reads are of 4 KB).
  ServerProcess writer;
  std::string error;
  ASSERT_TRUE(writer.Start({"--db", scratch_->path("smuggled.db"), "serve", "--port", "0", "--ingest"}, &error))
      << error;
  const std::string article = json{{"text", kPostedReport}}.dump();
  const std::string hidden = "POST /api/ingest HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                             "Content-Length: " + std::to_string(article.size()) + "\r\n\r\n" + article;
  // Refused for its Origin, or (a page that rebinds its own name to
  // 127.0.0.1) for its Host header, or sent with a method the HTTP library
  // does not know, whose body it leaves unread.
  const std::pair<const char*, int> refusals[] = {
      {"POST /api/ingest HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: http://evil.example", 403},
      {"POST /api/ingest HTTP/1.1\r\nHost: evil.example", 403},
      {"FOO /api/stats HTTP/1.1\r\nHost: evil.example", 400}};
  for (const auto& [request, status] : refusals) {
    const char* refused_for = request;
    const std::string prefix = std::string(request) + "\r\nContent-Type: text/plain\r\nContent-Length: ";
    // The padding that puts the hidden request 4 KB in: the length's digits
    // depend on it. The connection is kept alive, as a browser keeps it; the
    // server ends it after its keep-alive time.
    constexpr size_t kBoundary = 4096;
    std::string head;
    size_t padding = 0;
    for (size_t digits = 1; digits < 8; ++digits) {
      padding = kBoundary - (prefix.size() + digits + 4);
      head = prefix + std::to_string(padding + hidden.size()) + "\r\n\r\n";
      if (head.size() + padding == kBoundary) break;
    }
    ASSERT_EQ(head.size() + padding, kBoundary);
    EXPECT_EQ(Raw(writer.port, head + std::string(padding, 'x') + hidden).status, status) << refused_for;
    EXPECT_EQ(Get(writer.port, "/api/stats").Json()["documents"], 0) << refused_for;
  }
}

TEST_F(ApiTest, APostWithNeitherLengthNorChunksHasNoBody) {
  // HTTP/1.1: such a request ends with its headers. The library would read
  // a body until the client closed; a client keeping the connection open
  // would wait for the server's read timeout.
  Connection c(port());
  c.Send("POST /api/search HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
  ExpectJsonError(c.Read(), 405);
}

TEST_F(ApiTest, ADatabaseDamagedWhileServedIsSaidSo) {
  const std::string db = scratch_->path("damaged.db");
  std::string out;
  ASSERT_EQ(RunCommand({Binary(), "--db", db, "ingest", "--index-only", "examples/corpus"}, &out), 0) << out;
  ServerProcess server;
  std::string error;
  ASSERT_TRUE(server.Start({"--db", db, "serve", "--port", "0"}, &error)) << error;
  ASSERT_EQ(Get(server.port, "/api/stats").status, 200);
  {
    // Every page after the first two overwritten, as a failing disk might.
    std::fstream f(db, std::ios::in | std::ios::out | std::ios::binary);
    f.seekg(0, std::ios::end);
    const auto size = static_cast<size_t>(f.tellg());
    ASSERT_GT(size, 8192u);
    f.seekp(8192);
    const std::string garbage(size - 8192, '\x5A');
    f.write(garbage.data(), static_cast<std::streamsize>(garbage.size()));
  }
  const Response r = Get(server.port, "/api/search?q=" + Encode("بغداد"));
  ExpectJsonError(r, 500);
  EXPECT_NE(r.Json()["error"].get<std::string>().find("damaged"), std::string::npos) << r.body;
  // The path stays on the server.
  EXPECT_EQ(r.body.find(db), std::string::npos) << r.body;
}

TEST(ServeUnit, LoopbackAddresses) {
  using marsad::serve::IsLoopback;
  EXPECT_TRUE(IsLoopback("127.0.0.1"));
  EXPECT_TRUE(IsLoopback("127.1.2.3"));
  EXPECT_TRUE(IsLoopback("localhost"));
  EXPECT_TRUE(IsLoopback("::1"));
  EXPECT_FALSE(IsLoopback("0.0.0.0"));
  EXPECT_FALSE(IsLoopback("192.168.1.10"));
  EXPECT_FALSE(IsLoopback("::"));
  EXPECT_FALSE(IsLoopback("localhost.evil.example"));
}

TEST(ServeUnit, TheDashboardNamesEveryEventTypeTheServerKnowsAndNoOther) {
  // Its timeline links each type to /api/events?type=, which refuses
  // unknown types.
  std::ifstream in("web/src/util.jsx");
  ASSERT_TRUE(in) << "run from the source tree";
  std::stringstream all;
  all << in.rdbuf();
  const std::string src = all.str();
  const size_t begin = src.find("export const EVENT_NAMES = {");
  ASSERT_NE(begin, std::string::npos);
  const std::string table = src.substr(begin, src.find("};", begin) - begin);
  std::set<std::string> named;
  const std::regex key(R"(\b([a-z_]+):)");
  for (auto it = std::sregex_iterator(table.begin(), table.end(), key); it != std::sregex_iterator(); ++it) {
    named.insert((*it)[1]);
  }
  const std::vector<std::string>& types = marsad::extract::EventTypes();
  EXPECT_EQ(named, std::set<std::string>(types.begin(), types.end()));
}

TEST(ServeUnit, AssetTableHasTheDashboardOnly) {
  using marsad::serve::FindAsset;
  ASSERT_NE(FindAsset("/"), nullptr);
  EXPECT_EQ(FindAsset("/")->content_type, "text/html; charset=utf-8");
  EXPECT_EQ(FindAsset("/../etc/passwd"), nullptr);
  EXPECT_EQ(FindAsset(""), nullptr);
  EXPECT_EQ(FindAsset("index.html"), nullptr);
}

}  // namespace
