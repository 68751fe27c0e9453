// marsad serve: the HTTP API and the dashboard over the database.
#include <pthread.h>
#include <signal.h>

#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>
#include <thread>

#include "cli/command.h"
#include "ner/ner.h"
#include "screen/screen.h"
#include "serve/serve.h"

namespace marsad::cli {

void AddServe(CLI::App* app, const GlobalOptions* global) {
  auto* cmd = app->add_subcommand(
      "serve", "Serve the JSON API (/api/...) and the right-to-left dashboard (/) over the database.");
  struct Options {
    std::string host = "127.0.0.1";
    int port = 8080;
    std::string token;
    std::string list;
    unsigned threads = 0;
    bool ingest = false;
    std::string model;
  };
  auto opts = std::make_shared<Options>();
  cmd->add_option("--host", opts->host, "address to listen on (default 127.0.0.1; any other needs --token)");
  cmd->add_option("--port", opts->port, "port (default 8080; 0 picks a free one)")
      ->check(CLI::Range(0, 65535));
  cmd->add_option("--token", opts->token,
                  "secret every request must carry (Authorization: Bearer T, or ?token=T)");
  cmd->add_option("--list", opts->list,
                  "watch list (UN XML or OFAC sdn.csv) for /api/screen and the entity profiles");
  cmd->add_flag("--ingest", opts->ingest,
                "accept documents with POST /api/ingest (and the dashboard's form to add one)");
  cmd->add_option("--model", opts->model, "NER model file for --ingest (default: the shipped one)");
  cmd->add_option("--threads", opts->threads, "worker threads, one per open connection (default: 4 per core, at least 32)")
      ->check(CLI::Range(1, 4096));
  cmd->callback([global, opts] {
    if (opts->token.empty()) {
      if (const char* t = std::getenv("MARSAD_TOKEN"); t && *t) opts->token = t;
    }
    serve::Options o;
    o.db_path = global->db;
    o.host = opts->host;
    o.port = opts->port;
    o.token = opts->token;
    o.threads = opts->threads;
    screen::WatchList list;
    std::string error;
    if (!opts->list.empty()) {
      if (!screen::LoadList(opts->list, &list, &error)) throw UsageError("serve: " + error);
      o.list = &list;
      o.matcher = &NameMatcher("serve");
    }
    std::unique_ptr<ner::Tagger> tagger;
    if (opts->ingest) {
      tagger = ner::Tagger::Load(opts->model.empty() ? ner::DefaultModelPath() : opts->model, &error);
      if (!tagger) throw UsageError("serve: " + error);
      o.tagger = tagger.get();
      o.matcher = &NameMatcher("serve");
    } else if (!opts->model.empty()) {
      throw UsageError("serve: --model is for --ingest");
    }
    auto server = serve::Server::Create(o, &error);
    if (!server) throw UsageError("serve: " + error);
    if (!server->Bind(&error)) throw UsageError("serve: " + error);

    // SIGINT and SIGTERM stop the server from a thread of their own: every
    // other thread (the workers start later) inherits the blocked mask.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    sigaddset(&signals, SIGUSR1);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    std::thread waiter([&] {
      int sig = 0;
      sigwait(&signals, &sig);
      if (sig != SIGUSR1) server->Stop();
    });

    std::string url = server->url();
    if (!o.token.empty()) url += "?token=" + o.token;
    std::cerr << "marsad: serving " << global->db << " at " << url << "  (Ctrl-C stops)\n";
    std::cout << url << std::endl;
    const bool ok = server->Run();
    pthread_kill(waiter.native_handle(), SIGUSR1);
    waiter.join();
    if (!ok) throw std::runtime_error("serve: the server stopped listening");
  });
}

}  // namespace marsad::cli
