// marsad serve: the HTTP JSON API and the dashboard, over one database.
//
//   serve::Options options;
//   options.db_path = "marsad.db";
//   std::string error;
//   auto server = serve::Server::Create(options, &error);
//   if (!server) { ... error says why (no database, public host without token) ... }
//   if (!server->Bind(&error)) { ... port taken ... }
//   std::cout << server->url() << "\n";
//   server->Run();  // until Stop() from another thread or a signal handler
//
// Every API route answers JSON: the records are the ones `marsad ... --json`
// prints (the store's to_json functions), and every error is
// {"error": "..."} with a 4xx status (400 bad parameter or id, 401 missing
// or wrong token, 403 ingest off or from another origin, 404 unknown path or
// record, 405 wrong method, 413/414 body or URI too long, 415 body of unknown
// type; and 503 while another ingest runs). Routes:
//
//   GET /api/stats                         counts, whether a watch list is loaded
//   GET /api/search?q=&limit=&source=&exact=1
//   GET /api/docs?after=&limit=            documents without their text
//   GET /api/docs/{id}                     text, mentions, removed boilerplate
//   GET /api/entities?type=&q=&min_docs=&limit=&offset=   with total
//   GET /api/entities/{id}                 the profile: aliases, documents, related,
//                                          quotes, claims, events, screening hits
//   GET /api/claims?about=&entity=&doc=&limit=&offset=
//   GET /api/quotes?entity=&doc=&limit=&offset=
//   GET /api/events?from=&to=&type=&entity=&limit=&offset=
//   GET /api/graph?min_docs=&max_nodes=
//   GET /api/screen?name=                  needs Options::list
//   POST /api/ingest?name=&source=&published=
//                                          needs Options::tagger: the body is
//                                          one file's bytes (see below)
//   GET /, /app.js, ...                    the embedded dashboard
//
// Ingest: the body is read as a file called `name` would be by
// `marsad ingest` (its extension chooses the format: .json, .jsonl, .html,
// .txt, .zip, .warc, .warc.gz); without `name`, the Content-Type chooses
// (application/json, application/x-ndjson, text/html, text/plain,
// application/zip, application/warc), else 415. The documents are stored
// as "upload:NAME", analysed and resolved as by `marsad ingest`, one request
// at a time; the answer is the summary `ingest --json` prints, with `docs`,
// the ids of the documents added (400 when no document could be read).
// Refused: a request whose Origin is not the server's own (403: a web page
// elsewhere cannot post articles into the database), a body sent compressed
// or as a form (415: never inflated or parsed), one sent while another
// ingest runs (503). Every body is read whole before it is refused, so that
// no byte of it is read as a next request.
//
// Security: the server binds 127.0.0.1 unless told otherwise; any other host
// is refused without a token. With a token every request, assets included,
// must carry it: `Authorization: Bearer T`, `?token=T`, or the cookie the
// server sets when a page was opened with `?token=T`. Static files are looked
// up by exact name in the table compiled into the binary, never on disk, so
// no path reaches the file system.
//
// Threads: requests run on a pool of `threads` workers; each borrows its own
// read-only store::Store, so queries go on while an ingest writes. Server
// methods are not thread-safe except Stop().
#ifndef MARSAD_SERVE_SERVE_H_
#define MARSAD_SERVE_SERVE_H_

#include <memory>
#include <string>
#include <string_view>

namespace marsad::ner {
class Tagger;
}  // namespace marsad::ner
namespace marsad::resolve {
class Matcher;
}  // namespace marsad::resolve
namespace marsad::screen {
struct WatchList;
}  // namespace marsad::screen

namespace marsad::serve {

struct Options {
  std::string db_path = "marsad.db";
  std::string host = "127.0.0.1";
  int port = 8080;          // 0: any free port (see Server::port())
  std::string token;        // required unless host is a loopback address
  unsigned threads = 0;     // worker threads (one per open connection); 0: 4 per core, at least 32
  size_t max_body = 64 * 1024;  // bytes of request body
  int read_timeout_s = 5;
  int write_timeout_s = 10;
  // Screening: with `list` and `matcher` set, /api/screen and the entity
  // profile check names against `list`. Ingest: with `tagger` and `matcher`
  // set, POST /api/ingest adds documents; else it answers 403. None is
  // owned; each must outlive the Server.
  const screen::WatchList* list = nullptr;
  const resolve::Matcher* matcher = nullptr;
  const ner::Tagger* tagger = nullptr;
  size_t max_ingest_body = size_t{64} << 20;  // bytes of a POST /api/ingest body
};

// True for 127.0.0.0/8, ::1 and "localhost".
bool IsLoopback(std::string_view host);

// One embedded dashboard file.
struct Asset {
  std::string_view path;          // "/", "/app.js", ...
  std::string_view content_type;  // with charset for text
  std::string_view data;
  std::string_view gzip;          // the same bytes gzip-compressed, or empty
  std::string_view etag;          // quoted content hash
};

// The embedded file served at `path` (exact match), or nullptr.
const Asset* FindAsset(std::string_view path);

class Server {
 public:
  // Checks the options and opens the database once to fail early (read-only;
  // read-write with ingest on, which creates a new one). Returns nullptr and
  // sets *error when the database cannot be opened, or when `host` is not a
  // loopback address and no token is given.
  static std::unique_ptr<Server> Create(const Options& options, std::string* error);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds host:port. Returns false and sets *error if the address is taken
  // or invalid.
  bool Bind(std::string* error);
  // The bound port (useful with Options::port 0); 0 before Bind.
  int port() const;
  // "http://host:port/".
  std::string url() const;
  // Serves until Stop(). Returns false if the server could not listen.
  bool Run();
  // Makes Run() return; safe from any thread.
  void Stop();

 private:
  struct Impl;
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace marsad::serve

#endif  // MARSAD_SERVE_SERVE_H_
