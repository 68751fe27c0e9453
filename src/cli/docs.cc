// marsad docs: the stored documents.
#include <iostream>

#include "cli/command.h"
#include "cli/output.h"
#include "store/store.h"

namespace marsad::cli {

void AddDocs(CLI::App* app, const GlobalOptions* global) {
  auto* cmd = app->add_subcommand("docs", "List stored documents.");
  auto id = std::make_shared<int64_t>(0);
  cmd->add_option("--id", *id, "only this document");
  cmd->callback([global, id] {
    auto db = OpenForReading(*global);
    Table table({"id", "source", "published", "title", "duplicate_of"});
    auto emit = [&](const store::DocRecord& d) {
      const auto dup = d.duplicate_of ? nlohmann::json(*d.duplicate_of) : nlohmann::json();
      if (global->json) {
        PrintJsonLine({{"id", d.id}, {"path", d.path}, {"source", d.source}, {"url", d.url},
                       {"title", d.title}, {"published", d.published}, {"text", d.text},
                       {"duplicate_of", dup}});
      } else {
        table.Add({std::to_string(d.id), d.source, d.published, d.title,
                   d.duplicate_of ? std::to_string(*d.duplicate_of) : ""});
      }
    };
    if (*id != 0) {
      auto d = db->Document(*id);
      if (!d) throw UsageError("docs: no document " + std::to_string(*id));
      emit(*d);
    } else {
      int64_t after = 0;
      for (auto page = db->Documents(0, 1000); !page.empty(); page = db->Documents(after, 1000)) {
        for (const auto& d : page) emit(d);
        after = page.back().id;
      }
    }
    if (!global->json) table.Print();
  });
}

}  // namespace marsad::cli
