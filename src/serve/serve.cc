// The HTTP server: routes, parameters, the token, the store pool.
#include "serve/serve.h"

#include <httplib.h>

#include <sys/stat.h>

#include <algorithm>
#include <arpa/inet.h>
#include <deque>
#include <unordered_map>
#include <charconv>
#include <ctime>
#include <cstdio>
#include <iostream>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>
#include <zlib.h>

#include "extract/extract.h"
#include "screen/screen.h"
#include "serve/internal.h"
#include "store/store.h"
#include "text/text.h"

namespace marsad::serve {
namespace {

using nlohmann::json;

// Whether the server adds documents (POST /api/ingest): it was given a
// tagger and a matcher.
bool Ingests(const Options& options) { return options.tagger != nullptr && options.matcher != nullptr; }

// A request the client got wrong: answered {"error": message} with `status`.
struct HttpError {
  int status;
  std::string message;
};

std::string Dump(const json& j) {
  // Article text may hold invalid UTF-8 the store kept: replaced, never thrown.
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

void SendJson(httplib::Response& res, const json& j, int status = 200) {
  res.status = status;
  res.set_header("Cache-Control", "no-store");
  res.set_content(Dump(j), "application/json; charset=utf-8");
}

void SendError(httplib::Response& res, int status, const std::string& message) {
  SendJson(res, json{{"error", message}}, status);
}

// An ingest is running: one writes at a time, and a request waiting for it
// would hold a worker. The client is told when to try again.
HttpError IngestRunning() { return {503, "another ingest is running: try again when it ends"}; }

void SendError(httplib::Response& res, const HttpError& e) {
  if (e.status == 503) res.set_header("Retry-After", "10");
  SendError(res, e.status, e.message);
}

const char* StatusMessage(int status) {
  switch (status) {
    case 400: return "bad request";
    case 401: return "missing or wrong token";
    case 403: return "forbidden";
    case 404: return "not found";
    case 405: return "method not allowed";
    case 408: return "request timeout";
    case 413: return "request body too large";
    case 414: return "request URI too long";
    case 416: return "range not satisfiable";
    case 431: return "request headers too large";
    default: return status >= 500 ? "internal error" : "bad request";
  }
}

// Set on a request whose client accepts gzip (see the pre-routing handler).
constexpr char kAcceptsGzip[] = "X-Marsad-Accepts-Gzip";
// A Content-Encoding or a form's Content-Type the client sent, "NAME: value",
// kept from the HTTP library (see the pre-routing handler).
constexpr char kSentAs[] = "X-Marsad-Sent-As";

// gzip at the fastest level: JSON shrinks about 5 times at a fraction of a
// millisecond per 100 KB.
bool Gzip(const std::string& in, std::string* out) {
  z_stream z{};
  if (deflateInit2(&z, 1, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) return false;
  out->resize(deflateBound(&z, in.size()) + 32);
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(in.size());
  z.next_out = reinterpret_cast<Bytef*>(out->data());
  z.avail_out = static_cast<uInt>(out->size());
  const int rc = deflate(&z, Z_FINISH);
  out->resize(z.total_out);
  deflateEnd(&z);
  return rc == Z_STREAM_END;
}

bool ConstantTimeEqual(std::string_view a, std::string_view b) {
  unsigned char diff = a.size() == b.size() ? 0 : 1;
  for (size_t i = 0; i < a.size(); ++i) {
    diff |= static_cast<unsigned char>(a[i] ^ (i < b.size() ? b[i] : 0));
  }
  return diff == 0;
}

// ---------------------------------------------------------------------------
// Parameters. Unknown parameters are ignored; known ones must be well formed.

std::string StrParam(const httplib::Request& req, const char* name, size_t max_chars = 500) {
  if (!req.has_param(name)) return "";
  std::string v = req.get_param_value(name);
  if (v.size() > max_chars) {
    throw HttpError{400, std::string("parameter ") + name + " is longer than " +
                             std::to_string(max_chars) + " bytes"};
  }
  // Garbled bytes would match nothing or, read as no filter, everything.
  uint32_t replaced = 0;
  text::RepairUtf8(v, &replaced);
  if (replaced > 0) throw HttpError{400, std::string("parameter ") + name + " is not valid UTF-8"};
  return v;
}

int64_t IntParam(const httplib::Request& req, const char* name, int64_t fallback, int64_t lo,
                 int64_t hi) {
  if (!req.has_param(name)) return fallback;
  const std::string v = req.get_param_value(name);
  int64_t n = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (v.empty() || ec != std::errc() || end != v.data() + v.size() || n < lo || n > hi) {
    throw HttpError{400, std::string("parameter ") + name + " must be an integer from " +
                             std::to_string(lo) + " to " + std::to_string(hi)};
  }
  return n;
}

// YYYY, YYYY-MM or YYYY-MM-DD with plausible month and day, or "".
std::string DateParam(const httplib::Request& req, const char* name) {
  const std::string v = StrParam(req, name, 10);
  if (v.empty()) return v;
  auto digits = [&](size_t from, size_t n) {
    for (size_t i = from; i < from + n; ++i) {
      if (i >= v.size() || v[i] < '0' || v[i] > '9') return false;
    }
    return true;
  };
  bool ok = digits(0, 4) && (v.size() == 4 || v.size() == 7 || v.size() == 10);
  if (ok && v.size() >= 7) {
    const int month = (v[5] - '0') * 10 + (v[6] - '0');
    ok = v[4] == '-' && digits(5, 2) && month >= 1 && month <= 12;
  }
  if (ok && v.size() == 10) {
    const int day = (v[8] - '0') * 10 + (v[9] - '0');
    ok = v[7] == '-' && digits(8, 2) && day >= 1 && day <= 31;
  }
  if (!ok) throw HttpError{400, std::string("parameter ") + name + " must be YYYY, YYYY-MM or YYYY-MM-DD"};
  return v;
}

// The id in a path like /api/docs/{id}: 1 to 2^63-1, digits only.
int64_t PathId(const httplib::Request& req, const char* what) {
  const std::string v = req.matches.size() > 1 ? req.matches[1].str() : "";
  int64_t n = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (v.empty() || ec != std::errc() || end != v.data() + v.size() || n < 1 || v[0] == '+') {
    throw HttpError{400, std::string("bad ") + what + " id: " +
                             (v.size() > 40 ? v.substr(0, 40) + "..." : v)};
  }
  return n;
}

// A flag: absent, 0, false or no is off; 1, true or yes is on; else 400.
bool BoolParam(const httplib::Request& req, const char* name) {
  std::string v = StrParam(req, name, 5);
  for (char& c : v) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (v.empty() || v == "0" || v == "false" || v == "no") return false;
  if (v == "1" || v == "true" || v == "yes") return true;
  throw HttpError{400, std::string("parameter ") + name + " must be 1, true, yes, 0, false or no"};
}

bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

bool StartsWithIgnoringCase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && EqualsIgnoringCase(s.substr(0, prefix.size()), prefix);
}

// Whether an Accept-Encoding value takes gzip: named without q=0, or not
// named and * without q=0.
bool AcceptsGzip(std::string_view accept) {
  std::optional<bool> gzip, any;
  while (!accept.empty()) {
    const size_t comma = accept.find(',');
    std::string_view item = accept.substr(0, comma);
    accept.remove_prefix(comma == std::string_view::npos ? accept.size() : comma + 1);
    const size_t semi = item.find(';');
    std::string_view coding = item.substr(0, semi), params;
    if (semi != std::string_view::npos) params = item.substr(semi + 1);
    auto trim = [](std::string_view v) {
      while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
      while (!v.empty() && (v.back() == ' ' || v.back() == '\t')) v.remove_suffix(1);
      return v;
    };
    coding = trim(coding);
    const bool named = EqualsIgnoringCase(coding, "gzip");
    if (!named && coding != "*") continue;
    bool takes = true;
    params = trim(params);
    if (params.size() >= 2 && (params[0] == 'q' || params[0] == 'Q') && params[1] == '=') {
      double q = 1;
      const std::string_view v = trim(params.substr(2));
      auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), q);
      takes = !(ec == std::errc() && q <= 0);
    }
    (named ? gzip : any) = takes;
  }
  return gzip ? *gzip : any.value_or(false);
}

// The first `max_bytes` of `s`, not cutting a UTF-8 character.
std::string Prefix(const std::string& s, size_t max_bytes) {
  if (s.size() <= max_bytes) return s;
  size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return s.substr(0, cut);
}

// The extension a POST /api/ingest body is read under when no name is
// given, from its media type; "" for a type marsad does not read.
std::string_view ExtensionOfMediaType(std::string_view content_type) {
  const std::string_view type = content_type.substr(0, content_type.find(';'));
  static constexpr std::pair<std::string_view, std::string_view> kTypes[] = {
      {"application/json", ".json"},      {"application/x-ndjson", ".jsonl"},
      {"application/ndjson", ".jsonl"},   {"application/jsonl", ".jsonl"},
      {"text/html", ".html"},             {"application/xhtml+xml", ".html"},
      {"text/plain", ".txt"},             {"application/zip", ".zip"},
      {"application/warc", ".warc"},
  };
  std::string_view trimmed = type;
  while (!trimmed.empty() && (trimmed.back() == ' ' || trimmed.back() == '\t')) trimmed.remove_suffix(1);
  for (const auto& [media, extension] : kTypes) {
    if (EqualsIgnoringCase(trimmed, media)) return extension;
  }
  return "";
}

// A file name as a client gives it for an upload: no folders, no control
// characters, at most 200 bytes.
bool IsPlainFileName(std::string_view name) {
  if (name.empty() || name.size() > 200 || name == "." || name == "..") return false;
  return std::none_of(name.begin(), name.end(), [](char c) {
    return c == '/' || c == '\\' || static_cast<unsigned char>(c) < 0x20 || c == 0x7F;
  });
}

// "YYYY-MM-DDTHH:MM:SSZ", now: the name of an upload that comes without one.
std::string UtcNow() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char out[32];
  std::strftime(out, sizeof out, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return out;
}

std::string TypeParam(const httplib::Request& req) {
  std::string t = StrParam(req, "type", 20);
  for (char& c : t) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (!t.empty() && t != "PER" && t != "ORG" && t != "LOC" && t != "MISC") {
    throw HttpError{400, "parameter type must be PER, ORG, LOC or MISC"};
  }
  return t;
}

json ScreenHitsJson(const std::string& name, const std::vector<screen::Hit>& hits) {
  json out = json::array();
  for (const screen::Hit& h : hits) out.push_back(ScreenHitJson(0, name, h));
  return out;
}

// Read-only stores, one per worker at a time: a Store is not thread-safe.
class StorePool {
 public:
  explicit StorePool(std::string path) : path_(std::move(path)) {}

  std::unique_ptr<store::Store> Acquire() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (!free_.empty()) {
        auto s = std::move(free_.back());
        free_.pop_back();
        return s;
      }
    }
    std::string error;
    auto s = store::Store::Open(path_, store::Store::Mode::kReadOnly, &error);
    if (!s) throw std::runtime_error(error);
    return s;
  }

  void Release(std::unique_ptr<store::Store> s) {
    std::lock_guard<std::mutex> lock(mu_);
    free_.push_back(std::move(s));
  }

 private:
  std::string path_;
  std::mutex mu_;
  std::vector<std::unique_ptr<store::Store>> free_;
};

// Entity profiles take several queries each; their JSON is kept until the
// database files change (an ingest commits), at most `capacity` of them.
class ProfileCache {
 public:
  explicit ProfileCache(std::string db_path) : db_path_(std::move(db_path)) {}

  // On a miss, *stamp is what the files were: give it to Put with the body
  // built from them.
  bool Get(int64_t id, std::string* body, std::string* stamp) {
    std::lock_guard<std::mutex> lock(mu_);
    Refresh();
    *stamp = stamp_;
    auto it = bodies_.find(id);
    if (it == bodies_.end()) return false;
    *body = it->second;
    return true;
  }

  // Keeps the body only if the files are still as they were when Get missed:
  // an ingest committing while the profile was read would otherwise leave
  // the old profile cached under the new stamp, served until the next write.
  void Put(int64_t id, const std::string& body, const std::string& stamp) {
    std::lock_guard<std::mutex> lock(mu_);
    Refresh();
    if (stamp != stamp_) return;
    if (bodies_.size() >= kCapacity) {
      bodies_.erase(order_.front());
      order_.pop_front();
    }
    if (bodies_.emplace(id, body).second) order_.push_back(id);
  }

 private:
  static constexpr size_t kCapacity = 512;

  // The database and its write-ahead log: modification time and size.
  std::string Stamp() const {
    std::string s;
    for (const std::string& f : {db_path_, db_path_ + "-wal"}) {
      struct stat st {};
      if (stat(f.c_str(), &st) == 0) {
        s += std::to_string(st.st_mtim.tv_sec) + "." + std::to_string(st.st_mtim.tv_nsec) + ":" +
             std::to_string(st.st_size) + ";";
      }
    }
    return s;
  }

  void Refresh() {
    std::string now = Stamp();
    if (now != stamp_) {
      bodies_.clear();
      order_.clear();
      stamp_ = std::move(now);
    }
  }

  std::string db_path_;
  std::mutex mu_;
  std::string stamp_;
  std::unordered_map<int64_t, std::string> bodies_;
  std::deque<int64_t> order_;
};

}  // namespace

bool IsLoopback(std::string_view host) {
  if (host == "localhost" || host == "::1" || host == "[::1]") return true;
  in_addr addr{};
  const std::string h(host);
  if (inet_pton(AF_INET, h.c_str(), &addr) == 1) {
    return (ntohl(addr.s_addr) >> 24) == 127;
  }
  return false;
}

struct Server::Impl {
  Options options;
  StorePool stores{""};
  ProfileCache profiles{""};
  std::unique_ptr<screen::Screener> screener;
  std::mutex ingest_mu;  // one POST /api/ingest writes at a time
  httplib::Server http;
  int bound_port = 0;
  socket_t listening = INVALID_SOCKET;  // the socket bound, seen as it is set up

  explicit Impl(const Options& o) : options(o), stores(o.db_path), profiles(o.db_path) {}

  using Handler = void (Impl::*)(const httplib::Request&, httplib::Response&, store::Store&);

  // Wraps an API handler: borrows a store, turns HttpError into its status
  // and anything else into a 500 logged on stderr.
  httplib::Server::Handler Api(Handler h) {
    return [this, h](const httplib::Request& req, httplib::Response& res) {
      try {
        auto s = stores.Acquire();
        struct Return {
          StorePool* pool;
          std::unique_ptr<store::Store>* s;
          ~Return() { pool->Release(std::move(*s)); }
        } give_back{&stores, &s};
        (this->*h)(req, res, *s);
      } catch (const HttpError& e) {
        SendError(res, e);
      } catch (const std::exception& e) {
        SendServerError(req, res, e);
      }
      // Here, not in a post-routing handler: the library has computed
      // Content-Length by then.
      if (req.has_header(kAcceptsGzip) && res.body.size() >= 1024) {
        std::string gz;
        if (Gzip(res.body, &gz)) {
          res.body = std::move(gz);
          res.set_header("Content-Encoding", "gzip");
          res.set_header("Vary", "Accept-Encoding");
        }
      }
    };
  }

  // A 500 for what failed on the server's side, logged on stderr with the
  // request. A damaged database is said so (the client cannot repair it, but
  // should not retry); the file's name stays in the log.
  static void SendServerError(const httplib::Request& req, httplib::Response& res,
                              const std::exception& e) {
    std::cerr << "marsad serve: " << req.method << " " << req.path << ": " << e.what() << "\n";
    const bool damaged = dynamic_cast<const store::DamagedError*>(&e) != nullptr;
    SendError(res, 500,
              damaged ? "the database is damaged: `marsad check` on the server says where"
                      : "internal error");
  }

  bool Authorized(const httplib::Request& req, bool* from_query) const {
    *from_query = false;
    const std::string& token = options.token;
    if (token.empty()) return true;
    // The scheme name is case-insensitive (RFC 9110).
    const std::string auth = req.get_header_value("Authorization");
    if (auth.size() > 7 && EqualsIgnoringCase(std::string_view(auth).substr(0, 7), "bearer ") &&
        ConstantTimeEqual(auth.substr(7), token)) {
      return true;
    }
    if (req.has_param("token") && ConstantTimeEqual(req.get_param_value("token"), token)) {
      *from_query = true;
      return true;
    }
    const std::string cookies = req.get_header_value("Cookie");
    size_t at = 0;
    while (at < cookies.size()) {
      size_t end = cookies.find(';', at);
      if (end == std::string::npos) end = cookies.size();
      std::string_view c(cookies.data() + at, end - at);
      while (!c.empty() && c.front() == ' ') c.remove_prefix(1);
      if (c.rfind("marsad_token=", 0) == 0 && ConstantTimeEqual(c.substr(13), token)) return true;
      at = end + 1;
    }
    return false;
  }

  // Without a token the server trusts its loopback clients only; a page from
  // elsewhere that rebinds a DNS name to 127.0.0.1 still sends its own Host.
  bool HostAllowed(const httplib::Request& req) const {
    if (!options.token.empty()) return true;
    std::string host = req.get_header_value("Host");
    if (host.empty()) return true;  // HTTP/1.0 clients
    if (host.front() == '[') {
      const size_t close = host.find(']');
      host = close == std::string::npos ? host : host.substr(0, close + 1);
    } else if (const size_t colon = host.rfind(':'); colon != std::string::npos) {
      host.resize(colon);
    }
    return IsLoopback(host);
  }

  // Why a request is refused whatever its route: a Host header that names
  // no loopback address, without a token (403); a missing or wrong token
  // (401). *from_query is set when the token came as ?token=.
  std::optional<HttpError> RefuseAtTheDoor(const httplib::Request& req, httplib::Response& res,
                                           bool* from_query) const {
    if (!HostAllowed(req)) {
      return HttpError{403, "Host header is not a loopback name; start marsad serve with --token"};
    }
    if (!Authorized(req, from_query)) {
      res.set_header("WWW-Authenticate", "Bearer");
      return HttpError{401, "missing or wrong token: send 'Authorization: Bearer TOKEN' or ?token="};
    }
    return std::nullopt;
  }

  // The methods whose bodies the library reads, and routes read with
  // ReadBody.
  static bool CarriesBody(const httplib::Request& req) {
    return req.method == "POST" || req.method == "PUT" || req.method == "PATCH" || req.method == "DELETE";
  }

  // The most bytes of a request's body the server reads: an ingest's body
  // may be large, and with ingest on any route reads up to that size before
  // it refuses.
  size_t payload_limit() const {
    return Ingests(options) ? std::max(options.max_body, options.max_ingest_body) : options.max_body;
  }

  // Reads a request's body through `read` into `body`, or says why it is
  // refused: longer than `limit` bytes (413), or cut short (400). A body
  // over the limit is still read to its end and dropped: its bytes left on
  // the connection would be parsed as the next request. (The library stops
  // a body at the payload limit only by its Content-Length; one sent in
  // chunks, or until the connection closes, it would hold whole.)
  // With `body` null, the body is read and dropped whatever its size.
  static std::optional<HttpError> ReadBody(const httplib::Request& req, const httplib::ContentReader& read,
                                           const httplib::Response& res, size_t limit, std::string* body) {
    // Neither length nor chunks: no body (RFC 9112), where the library
    // would read until the client closes.
    if (!req.has_header("Content-Length") && !req.has_header("Transfer-Encoding")) return std::nullopt;
    bool over = false;
    size_t size_read = 0;
    const bool whole = read([&](const char* data, size_t size) {
      size_read += size;
      over = over || size_read > limit;
      if (body != nullptr) {
        if (over) {
          body->clear();
        } else {
          body->append(data, size);
        }
      }
      return true;
    });
    if (over || res.status == 413) {
      return HttpError{413, "the request's body is over " + std::to_string(limit) + " bytes"};
    }
    if (!whole) return HttpError{400, "the request's body was cut short"};
    return std::nullopt;
  }

  void Setup() {
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    // A worker serves one connection for as long as the client keeps it
    // alive, and a browser holds six or more open: the pool is sized for
    // idle connections, not for cores (stores are opened per request, not
    // per worker).
    const unsigned threads = options.threads ? options.threads : std::max(32u, 4 * cores);
    http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    // An ingest's body may be large; with ingest on, the library reads any
    // request's body up to that size before its route refuses it.
    http.set_payload_max_length(payload_limit());
    http.set_read_timeout(options.read_timeout_s, 0);
    http.set_write_timeout(options.write_timeout_s, 0);
    http.set_keep_alive_timeout(5);
    http.set_tcp_nodelay(true);  // no 40 ms Nagle wait on kept-alive connections
    // The library's default also sets SO_REUSEPORT, with which a second
    // server on a port in use starts and silently shares its connections.
    http.set_socket_options([this](socket_t sock) {
      int yes = 1;
      setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
      listening = sock;
    });
    // With ingest on, one request per connection: the library leaves some
    // bodies unread (of a method it does not know, of malformed chunks), and
    // a page that rebinds its name to this address could hide a POST to
    // /api/ingest among their bytes, which a kept connection would read as
    // the next request. Read-only, a hidden request changes nothing.
    http.set_keep_alive_max_count(Ingests(options) ? 1 : 100);
    http.set_default_headers({{"X-Content-Type-Options", "nosniff"},
                              {"Referrer-Policy", "no-referrer"},
                              {"X-Frame-Options", "DENY"},
                              {"Cross-Origin-Resource-Policy", "same-origin"}});

    http.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
      // The library would compress every response with brotli at its
      // slowest setting, and compress our precompressed assets again: it
      // never sees Accept-Encoding, and Api() and Static() compress instead. (The
      // request object is the library's own non-const one.)
      auto& headers = const_cast<httplib::Headers&>(req.headers);
      if (auto it = headers.find("Accept-Encoding"); it != headers.end()) {
        const bool gzip = AcceptsGzip(it->second);
        headers.erase("Accept-Encoding");
        if (gzip) headers.emplace(kAcceptsGzip, "1");
      }
      // Whole answers only: the library would slice a JSON body (or its
      // gzip bytes) and still call it 200, and the assets are small.
      headers.erase("Range");
      const_cast<httplib::Request&>(req).ranges.clear();  // parsed before this handler
      // No body is refused here: the library has not read it yet, and would
      // parse what a refusal leaves on the connection as the next request
      // (a page elsewhere could hide a request behind a refused one). It
      // reads each body whole, within the payload limit, and the route
      // refuses. What it would do to a body first is kept from it: inflate
      // one sent with a Content-Encoding (a gzip bomb), parse a form's
      // fields into parameters. The route finds the header under kSentAs.
      headers.erase(kSentAs);  // only this handler sets it
      for (const char* header : {"Content-Encoding", "Content-Type"}) {
        const auto it = headers.find(header);
        if (it == headers.end()) continue;
        const bool form = StartsWithIgnoringCase(it->second, "application/x-www-form-urlencoded") ||
                          StartsWithIgnoringCase(it->second, "multipart/");
        if (std::string_view(header) == "Content-Type" && !form) continue;
        headers.emplace(kSentAs, std::string(header) + ": " + it->second);
        headers.erase(it);
      }
      // A request with a body is refused by its route, which reads the
      // body (ReadBody, dropping it when refused) before it answers:
      // refused here, its bytes would stay on the connection, and a page
      // elsewhere could hide a request with an allowed Host among them.
      if (CarriesBody(req)) return httplib::Server::HandlerResponse::Unhandled;
      bool from_query = false;
      if (const std::optional<HttpError> refused = RefuseAtTheDoor(req, res, &from_query)) {
        SendError(res, *refused);
        return httplib::Server::HandlerResponse::Handled;
      }
      if (from_query && req.path.rfind("/api/", 0) != 0) {
        // The dashboard's own requests then carry the token as a cookie.
        res.set_header("Set-Cookie",
                       "marsad_token=" + options.token + "; Path=/; HttpOnly; SameSite=Strict");
      }
      return httplib::Server::HandlerResponse::Unhandled;
    });
    // Every 4xx/5xx has a JSON body, including those the library answers
    // itself (413, 414, unknown routes).
    http.set_error_handler([](const httplib::Request&, httplib::Response& res) {
      if (res.body.empty()) SendError(res, res.status, StatusMessage(res.status));
    });
    http.set_exception_handler(
        [](const httplib::Request& req, httplib::Response& res, std::exception_ptr ep) {
          try {
            if (ep) std::rethrow_exception(ep);
          } catch (const std::exception& e) {
            std::cerr << "marsad serve: " << req.path << ": " << e.what() << "\n";
          } catch (...) {
          }
          SendError(res, 500, "internal error");
        });

    http.Get("/api/stats", Api(&Impl::Stats));
    http.Get("/api/search", Api(&Impl::Search));
    http.Get("/api/docs", Api(&Impl::Docs));
    http.Get(R"(/api/docs/([^/]*))", Api(&Impl::Doc));
    http.Get("/api/entities", Api(&Impl::Entities));
    http.Get(R"(/api/entities/([^/]*))", Api(&Impl::Entity));
    http.Get("/api/claims", Api(&Impl::Claims));
    http.Get("/api/claims/groups", Api(&Impl::ClaimGroups));
    http.Get("/api/quotes", Api(&Impl::Quotes));
    http.Get("/api/events", Api(&Impl::Events));
    http.Get("/api/incidents", Api(&Impl::Incidents));
    http.Get("/api/graph", Api(&Impl::GraphRoute));
    http.Get("/api/screen", Api(&Impl::Screen));
    // Routes that take a body read it themselves (ReadBody): the library
    // holds a body to the payload limit only when it comes with a length.
    http.Post("/api/ingest", [this](const httplib::Request& req, httplib::Response& res,
                                    const httplib::ContentReader& read) { IngestRoute(req, res, read); });
    http.Get("/api/ingest", [](const httplib::Request&, httplib::Response& res) {
      res.set_header("Allow", "POST");
      SendError(res, 405, "/api/ingest takes documents with POST");
    });
    http.Get(R"(/api(/.*)?)", [](const httplib::Request& req, httplib::Response& res) {
      SendError(res, 404, "unknown API path: " + Prefix(req.path, 200));
    });
    http.Get(R"(.*)", [this](const httplib::Request& req, httplib::Response& res) {
      Static(req, res);
    });
    auto not_allowed = [](const httplib::Request& req, httplib::Response& res) {
      res.set_header("Allow", "GET, HEAD");
      SendError(res, 405, "method " + req.method + " not allowed: the API is read-only, "
                          "but for POST /api/ingest");
    };
    auto not_allowed_with_body = [this, not_allowed](const httplib::Request& req, httplib::Response& res,
                                                     const httplib::ContentReader& read) {
      bool from_query = false;
      const std::optional<HttpError> refused = RefuseAtTheDoor(req, res, &from_query);
      const std::optional<HttpError> unread = ReadBody(req, read, res, payload_limit(), nullptr);
      if (refused) {
        SendError(res, *refused);
      } else if (unread) {
        SendError(res, *unread);
      } else {
        not_allowed(req, res);
      }
    };
    http.Post(R"(.*)", not_allowed_with_body);
    http.Put(R"(.*)", not_allowed_with_body);
    http.Delete(R"(.*)", not_allowed_with_body);
    http.Patch(R"(.*)", not_allowed_with_body);
    http.Options(R"(.*)", not_allowed);
  }

  // -------------------------------------------------------------------------
  // Static files: the embedded table only.

  void Static(const httplib::Request& req, httplib::Response& res) {
    const Asset* a = FindAsset(req.path);
    if (a == nullptr) {
      SendError(res, 404, "not found");
      return;
    }
    res.set_header("ETag", std::string(a->etag));
    // index.html names the other files by content hash: they never change.
    // The favicon's name, which browsers ask for as is, carries none.
    const bool immutable = a->path != "/" && a->path != "/index.html" && a->path != "/favicon.svg";
    res.set_header("Cache-Control", immutable ? "public, max-age=31536000, immutable" : "no-cache");
    if (a->content_type.rfind("text/html", 0) == 0) {
      res.set_header("Content-Security-Policy",
                     "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                     "img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; "
                     "base-uri 'none'; frame-ancestors 'none'");
    }
    if (req.get_header_value("If-None-Match") == a->etag) {
      res.status = 304;
      return;
    }
    res.set_header("Vary", "Accept-Encoding");
    if (!a->gzip.empty() && req.has_header(kAcceptsGzip)) {
      // Compressed once at build time, not per request.
      res.set_header("Content-Encoding", "gzip");
      res.set_content(std::string(a->gzip), std::string(a->content_type));
      return;
    }
    res.set_content(std::string(a->data), std::string(a->content_type));
  }

  // -------------------------------------------------------------------------
  // API routes.

  void Stats(const httplib::Request&, httplib::Response& res, store::Store& db) {
    json j{{"documents", db.DocumentCount()}, {"schema_version", db.schema_version()},
           {"auth", !options.token.empty()}, {"entities", EntityCount(db)},
           {"ingest", Ingests(options)}};
    j["watch_list"] = options.list ? json{{"source", options.list->source},
                                          {"entries", options.list->entries.size()}}
                                   : json(nullptr);
    SendJson(res, j);
  }

  void Search(const httplib::Request& req, httplib::Response& res, store::Store& db) {
    const std::string q = StrParam(req, "q");
    if (q.empty()) throw HttpError{400, "parameter q is required"};
    store::SearchOptions o;
    o.limit = static_cast<size_t>(IntParam(req, "limit", 20, 1, 200));
    o.offset = static_cast<size_t>(IntParam(req, "offset", 0, 0, 100000));
    o.source = StrParam(req, "source", 200);
    o.variants = !BoolParam(req, "exact");
    o.type = TypeParam(req);
    std::vector<store::SearchHit> hits;
    std::string error;
    size_t total = 0;
    if (!db.Search(q, o, &hits, &error, &total)) throw HttpError{400, error};
    json out = json::array();
    for (const auto& h : hits) out.push_back(SearchHitJson(h));
    SendJson(res, {{"query", q}, {"hits", out}, {"total", total}, {"limit", o.limit}, {"offset", o.offset}});
  }

  void Docs(const httplib::Request& req, httplib::Response& res, store::Store& db) {
    const int64_t after = IntParam(req, "after", 0, 0, INT64_MAX);
    const auto limit = static_cast<size_t>(IntParam(req, "limit", 100, 1, 1000));
    if (const int64_t entity = IntParam(req, "entity", 0, 0, INT64_MAX)) {
      // The documents naming an entity, newest first: the pages after a profile's first.
      const auto offset = static_cast<size_t>(IntParam(req, "offset", 0, 0, INT32_MAX));
      const auto e = db.EntitySummary(entity);
      if (!e) throw HttpError{404, "no entity " + std::to_string(entity)};
      SendJson(res, {{"docs", EntityDocumentsJson(db, entity, limit, offset)},
                     {"total", e->doc_count}, {"limit", limit}, {"offset", offset}});
      return;
    }
    json out = json::array();
    for (const auto& d : db.Documents(after, limit)) {
      json j = DocJson(d);
      j.erase("text");
      j["chars"] = CharCount(d.text);
      out.push_back(std::move(j));
    }
    SendJson(res, {{"docs", out}, {"total", db.DocumentCount()}});
  }

  void Doc(const httplib::Request& req, httplib::Response& res, store::Store& db) {
    const int64_t id = PathId(req, "document");
    auto d = db.Document(id);
    if (!d) throw HttpError{404, "no document " + std::to_string(id)};
    json j = DocJson(*d);
    json boiler = json::array();
    if (!d->boilerplate_json.empty()) {
      boiler = json::parse(d->boilerplate_json, nullptr, /*allow_exceptions=*/false);
      if (!boiler.is_array()) boiler = json::array();
    }
    j["boilerplate"] = std::move(boiler);
    j["mentions"] = MentionsJson(db, id);
    SendJson(res, j);
  }

  void Entities(const httplib::Request& req, httplib::Response& res, store::Store& db) {
    Query f;
    f.type = TypeParam(req);
    f.query = StrParam(req, "q", 200);
    f.min_docs = IntParam(req, "min_docs", 0, 0, INT32_MAX);
    f.limit = static_cast<size_t>(IntParam(req, "limit", 50, 1, 1000));
    f.offset = static_cast<size_t>(IntParam(req, "offset", 0, 0, INT32_MAX));
    size_t total = 0;
    json entities = EntitiesJson(db, f, &total);
    SendJson(res, {{"entities", std::move(entities)}, {"total", total}, {"limit", f.limit}, {"offset", f.offset}});
  }

  void Entity(const httplib::Request& req, httplib::Response& res, store::Store& db) {
    const int64_t id = PathId(req, "entity");
    std::string body, stamp;
    if (!profiles.Get(id, &body, &stamp)) {
      json j = EntityProfileJson(db, id, screener.get());
      if (j.is_null()) throw HttpError{404, "no entity " + std::to_string(id)};
      j["watch_list"] = options.list != nullptr;
      body = Dump(j);
      profiles.Put(id, body, stamp);
    }
    res.set_header("Cache-Control", "no-store");
    res.set_content(body, "application/json; charset=utf-8");
  }

  Query ListFilter(const httplib::Request& req, size_t default_limit) {
    Query f;
    f.entity = IntParam(req, "entity", 0, 0, INT64_MAX);
    f.doc = IntParam(req, "doc", 0, 0, INT64_MAX);
    f.limit = static_cast<size_t>(IntParam(req, "limit", static_cast<int64_t>(default_limit), 1, 10000));
    f.offset = static_cast<size_t>(IntParam(req, "offset", 0, 0, INT32_MAX));
    return f;
  }

  void Claims(const httplib::Request& req, httplib::Response& res, store::Store& db) {
    Query f = ListFilter(req, 1000);
    f.about = StrParam(req, "about", 200);
    f.topic = StrParam(req, "topic", 400);
    f.incident = IntParam(req, "incident", 0, 0, INT64_MAX);
    size_t total = 0;
    json list = ClaimsJson(db, f, &total);
    SendJson(res, {{"claims", std::move(list)}, {"total", total}, {"limit", f.limit},
                   {"offset", f.offset}});
  }

  // Topics most sources give figures for, each with its first claims.
  void ClaimGroups(const httplib::Request& req, httplib::Response& res, store::Store& db) {
    if (req.has_param("doc") || req.has_param("entity")) {
      SendError(res, 400, "claims/groups takes about, topic, limit, offset and claims, not doc or entity");
      return;
    }
    Query f;
    f.about = StrParam(req, "about", 200);
    f.topic = StrParam(req, "topic", 400);
    f.limit = static_cast<size_t>(IntParam(req, "limit", 40, 1, 1000));
    f.offset = static_cast<size_t>(IntParam(req, "offset", 0, 0, INT32_MAX));
    const size_t per_group = static_cast<size_t>(IntParam(req, "claims", 30, 0, 1000));
    size_t total = 0;
    json list = db.ClaimGroups(f, per_group, &total);
    SendJson(res, {{"groups", std::move(list)}, {"total", total}, {"limit", f.limit},
                   {"offset", f.offset}});
  }

  void Quotes(const httplib::Request& req, httplib::Response& res, store::Store& db) {
    Query f = ListFilter(req, 500);
    size_t total = 0;
    json list = QuotesJson(db, f, &total);
    SendJson(res, {{"quotes", std::move(list)}, {"total", total}, {"limit", f.limit},
                   {"offset", f.offset}});
  }

  // The date and type filters of events and incidents.
  void EventFilter(const httplib::Request& req, Query* f) {
    f->from = DateParam(req, "from");
    f->to = DateParam(req, "to");
    f->type = StrParam(req, "type", 40);
    const std::vector<std::string>& types = extract::EventTypes();
    if (!f->type.empty() && std::find(types.begin(), types.end(), f->type) == types.end()) {
      std::string all;
      for (const std::string& t : types) all += (all.empty() ? "" : ", ") + t;
      throw HttpError{400, "parameter type must be one of " + all};
    }
  }

  void Events(const httplib::Request& req, httplib::Response& res, store::Store& db) {
    Query f = ListFilter(req, 1000);
    EventFilter(req, &f);
    f.incident = IntParam(req, "incident", 0, 0, INT64_MAX);
    size_t total = 0;
    json list = EventsJson(db, f, &total);
    SendJson(res, {{"events", std::move(list)}, {"total", total}, {"limit", f.limit},
                   {"offset", f.offset}});
  }

  // Happenings told by two documents or more, most documents first.
  void Incidents(const httplib::Request& req, httplib::Response& res, store::Store& db) {
    if (req.has_param("doc") || req.has_param("entity")) {
      SendError(res, 400, "incidents takes type, from, to, limit and offset, not doc or entity");
      return;
    }
    Query f;
    EventFilter(req, &f);
    f.limit = static_cast<size_t>(IntParam(req, "limit", 100, 1, 1000));
    f.offset = static_cast<size_t>(IntParam(req, "offset", 0, 0, INT32_MAX));
    size_t total = 0;
    json list = db.Incidents(f, &total);
    SendJson(res, {{"incidents", std::move(list)}, {"total", total}, {"limit", f.limit},
                   {"offset", f.offset}});
  }

  void GraphRoute(const httplib::Request& req, httplib::Response& res, store::Store& db) {
    const int64_t min_docs = IntParam(req, "min_docs", 2, 1, INT32_MAX);
    const auto max_nodes = static_cast<size_t>(IntParam(req, "max_nodes", 80, 1, 1000));
    SendJson(res, GraphJson(db, min_docs, max_nodes));
  }

  void Screen(const httplib::Request& req, httplib::Response& res, store::Store&) {
    const std::string name = StrParam(req, "name", 300);
    if (name.empty()) throw HttpError{400, "parameter name is required"};
    if (!screener) {
      throw HttpError{400, "no watch list loaded: start marsad serve with --list FILE"};
    }
    SendJson(res, {{"name", name}, {"hits", ScreenHitsJson(name, screener->Screen(name))}});
  }

  // Why a POST /api/ingest is refused, if it is: ingest off, another
  // origin, a body compressed or sent as a form, or of a type marsad does
  // not read and no name.
  std::optional<HttpError> RefuseIngest(const httplib::Request& req) const {
    if (!Ingests(options)) {
      return HttpError{403, "ingest over the API is off: start marsad serve with --ingest"};
    }
    if (!SameOrigin(req)) return HttpError{403, "refused: a page of another origin may not add documents"};
    const std::string sent_as = req.get_header_value(kSentAs);
    if (StartsWithIgnoringCase(sent_as, "Content-Encoding:") &&
        !EqualsIgnoringCase(sent_as, "Content-Encoding: identity")) {
      return HttpError{415, "a Content-Encoding is not read: send the bytes as they are (a gzipped "
                            "WARC as such, with ?name=FILE.warc.gz)"};
    }
    if (StartsWithIgnoringCase(sent_as, "Content-Type:")) {
      return HttpError{415, "a form is not read: send the file's bytes with its own Content-Type "
                            "(curl: -H 'Content-Type: text/plain' --data-binary @FILE)"};
    }
    const std::string type = req.get_header_value("Content-Type");
    if (req.get_param_value("name").empty() && ExtensionOfMediaType(type).empty()) {
      return HttpError{415, "Content-Type \"" + Prefix(type, 100) +
                                "\" is not read: send application/json, application/x-ndjson, "
                                "text/html, text/plain, application/zip or application/warc, or "
                                "give the file's name with ?name="};
    }
    return std::nullopt;
  }

  // POST /api/ingest (see serve.h). Not under Api(): it writes, with a
  // read-write store of its own, one request at a time.
  void IngestRoute(const httplib::Request& req, httplib::Response& res, const httplib::ContentReader& read) {
    try {
      // Refused at the door, the body is read and dropped: a client
      // without the token makes the server hold nothing.
      bool from_query = false;
      if (const std::optional<HttpError> refused = RefuseAtTheDoor(req, res, &from_query)) {
        ReadBody(req, read, res, payload_limit(), nullptr);
        throw *refused;
      }
      std::string body;
      if (const std::optional<HttpError> unread = ReadBody(req, read, res, payload_limit(), &body)) throw *unread;
      if (const std::optional<HttpError> refused = RefuseIngest(req)) throw *refused;
      std::string name = StrParam(req, "name", 200);
      if (!name.empty() && !IsPlainFileName(name)) {
        throw HttpError{400, "parameter name must be a file name (no folders, no control characters)"};
      }
      // Without a name, the type RefuseIngest let through gives the extension.
      if (name.empty()) name = UtcNow() + std::string(ExtensionOfMediaType(req.get_header_value("Content-Type")));
      if (body.empty()) throw HttpError{400, "the request has no body: send the document"};
      store::IngestOptions o;
      o.source = StrParam(req, "source", 200);
      o.published = StrParam(req, "published", 10);
      if (!o.published.empty()) {
        const auto date = text::ParseIsoDate(o.published);
        if (!date || date->day == 0 || o.published.size() != 10) {
          throw HttpError{400, "parameter published must be a date YYYY-MM-DD"};
        }
      }
      o.tagger = options.tagger;
      o.matcher = options.matcher;
      o.max_file_bytes = options.max_ingest_body;  // also each entry of an uploaded archive
      std::unique_lock<std::mutex> lock(ingest_mu, std::try_to_lock);
      if (!lock.owns_lock()) throw IngestRunning();
      std::string error;
      auto db = store::Store::Open(options.db_path, store::Store::Mode::kReadWrite, &error);
      if (!db) throw std::runtime_error(error);
      const store::IngestSummary summary =
          store::IngestUploads(db.get(), {{"upload:" + name, std::move(body)}}, o);
      json j = summary;
      j["docs"] = summary.added_ids;
      if (summary.read == 0) {
        j["error"] = "no document could be read" +
                     (summary.problems.empty() ? "" : ": " + summary.problems.front().reason);
        SendJson(res, j, 400);
        return;
      }
      SendJson(res, j);
    } catch (const HttpError& e) {
      SendError(res, e);
    } catch (const std::exception& e) {
      SendServerError(req, res, e);
    }
  }

  // True unless a browser says the request comes from a page of another
  // origin: its Origin header must name this server as the Host header does.
  // Clients that are not browsers send no Origin.
  static bool SameOrigin(const httplib::Request& req) {
    if (!req.has_header("Origin")) return true;
    const std::string origin_header = req.get_header_value("Origin");
    const std::string_view origin = origin_header;
    for (std::string_view scheme : {"http://", "https://"}) {
      if (origin.size() > scheme.size() &&
          EqualsIgnoringCase(origin.substr(0, scheme.size()), scheme)) {
        return EqualsIgnoringCase(origin.substr(scheme.size()), req.get_header_value("Host"));
      }
    }
    return false;  // "null": a sandboxed or local page
  }
};

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Server::~Server() = default;

std::unique_ptr<Server> Server::Create(const Options& options, std::string* error) {
  if (!IsLoopback(options.host) && options.token.empty()) {
    *error = "refusing to listen on " + options.host +
             " without --token: only loopback addresses (127.0.0.1, ::1, localhost) may be "
             "served without one";
    return nullptr;
  }
  for (char c : options.token) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_' && c != '.' && c != '~') {
      *error = "--token may hold only letters, digits and - _ . ~";
      return nullptr;
    }
  }
  if (!options.token.empty() && options.token.size() < 8) {
    *error = "--token must be at least 8 characters";
    return nullptr;
  }
  if (options.port < 0 || options.port > 65535) {
    *error = "--port must be from 0 to 65535";
    return nullptr;
  }
  {
    // A server that ingests may start on a new database, as `marsad ingest` does.
    auto probe = store::Store::Open(
        options.db_path, Ingests(options) ? store::Store::Mode::kReadWrite : store::Store::Mode::kReadOnly,
        error);
    if (!probe) return nullptr;
  }
  auto impl = std::make_unique<Impl>(options);
  if (options.list && options.matcher) {
    impl->screener = std::make_unique<screen::Screener>(*options.list, *options.matcher);
  }
  impl->Setup();
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

bool Server::Bind(std::string* error) {
  Impl& s = *impl_;
  if (s.options.port == 0) {
    s.bound_port = s.http.bind_to_any_port(s.options.host);
    if (s.bound_port <= 0) {
      *error = "cannot listen on " + s.options.host;
      s.bound_port = 0;
      return false;
    }
  } else if (!s.http.bind_to_port(s.options.host, s.options.port)) {
    *error = "cannot listen on " + s.options.host + ":" + std::to_string(s.options.port) +
             " (address in use, or not an address of this machine)";
    return false;
  } else {
    s.bound_port = s.options.port;
  }
  // The library listens with a backlog of 5: under a burst of connections
  // clients waited seconds to connect, and some were dropped. Listening
  // again sets the backlog.
  if (s.listening != INVALID_SOCKET) ::listen(s.listening, SOMAXCONN);
  return true;
}

int Server::port() const { return impl_->bound_port; }

std::string Server::url() const {
  const std::string& h = impl_->options.host;
  const bool v6 = h.find(':') != std::string::npos && h.front() != '[';
  return "http://" + (v6 ? "[" + h + "]" : h) + ":" + std::to_string(impl_->bound_port) + "/";
}

bool Server::Run() { return impl_->http.listen_after_bind(); }

void Server::Stop() { impl_->http.stop(); }

}  // namespace marsad::serve
