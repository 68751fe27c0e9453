// marsad ingest: files in, clean documents out.
//
//   std::vector<Problem> problems;
//   for (const std::string& file : ListInputs({"articles/"}, &problems)) {
//     std::vector<Document> docs;
//     ReadFile(file, {}, &docs, &problems);   // txt, html, jsonl, zip, warc(.gz)
//   }
//   BoilerplateFilter filter;                  // lines repeated within a source
//   for (const Document& d : docs) filter.Learn(d);
//   for (Document& d : docs) filter.Apply(&d);
//
// Nothing here touches a database. Every function is thread-safe on distinct
// arguments; ReadFile never throws and never aborts a batch: a file it cannot
// read becomes a Problem naming the file and the reason.
#ifndef MARSAD_INGEST_INGEST_H_
#define MARSAD_INGEST_INGEST_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace marsad::ingest {

// Text taken out of a document as boilerplate, kept so a user can see it.
struct Removed {
  std::string text;
  std::string reason;  // e.g. "navigation", "link-list", "repeated-line", "title-echo", "tag-list"
};

struct Document {
  // Where it came from: the file, or "file.zip!entry", "file.jsonl:LINE",
  // "file.warc.gz#OFFSET" for documents inside containers.
  std::string path;
  std::string url;
  std::string title;
  std::string source;     // outlet
  std::string published;  // YYYY-MM-DD, or "" if unknown
  std::string text;       // main text, valid UTF-8, boilerplate removed
  std::vector<Removed> boilerplate;
  std::string extra_json;  // unknown fields of JSON input as a JSON object, or ""
};

struct Problem {
  std::string path;
  std::string reason;  // one sentence, e.g. "truncated gzip stream", "binary file"
};

struct ReadOptions {
  std::string source;     // when set, overrides what the file says
  std::string published;  // YYYY-MM-DD; when set, overrides what the file says
  size_t max_file_bytes = size_t{512} << 20;
};

// Regular files under `paths` (folders recursively), sorted, hidden files
// skipped. A path that does not exist or cannot be read becomes a Problem.
std::vector<std::string> ListInputs(const std::vector<std::string>& paths,
                                    std::vector<Problem>* problems);

// Reads one file of any supported format, chosen by extension and checked
// against the content: .txt, .html/.htm, .jsonl (url, title, date, source,
// content, or the SaudiNewsNet names), .json (an array of those), .zip of any
// of these, .warc and .warc.gz (response records holding HTML). Encodings:
// UTF-8 (with or without BOM), UTF-16 with BOM, Windows-1256. Appends what it
// reads to *docs and what it cannot to *problems; a damaged container yields
// the documents before the damage plus a Problem.
void ReadFile(const std::string& path, const ReadOptions& options, std::vector<Document>* docs,
              std::vector<Problem>* problems);

// Reads `bytes` as ReadFile reads a file called `name`, whose extension
// chooses the format: for documents that come from elsewhere, such as an
// HTTP request. Documents and problems are named after `name`. The caller
// limits the size of `bytes`.
void ReadBytes(const std::string& name, std::string_view bytes, const ReadOptions& options,
               std::vector<Document>* docs, std::vector<Problem>* problems);

// Bytes of a file's text converted to UTF-8: BOMs honoured, Windows-1256
// detected when the bytes are not UTF-8. Returns nullopt (and sets *why) for
// binary data. Text that needed repair (ill-formed UTF-8 replaced by U+FFFD,
// lines of mixed encodings) is returned with a note in *why; otherwise *why
// is cleared.
std::optional<std::string> DecodeText(std::string_view bytes, std::string* why);

// ---------------------------------------------------------------------------
// HTML: main text by density over the parsed tree (text vs link density,
// block structure, headings); title from og:title, <title> or <h1>; date from
// meta tags, JSON-LD, <time> and the dateline.

struct HtmlArticle {
  std::string title;
  std::string published;  // YYYY-MM-DD or ""
  std::string url;        // canonical or og:url, if given
  std::string text;       // paragraphs separated by blank lines
  std::vector<Removed> boilerplate;
};

HtmlArticle ExtractHtml(std::string_view html);

// The text of a JSON record's content field as ReadFile stores it: HTML (a
// whole page, or a fragment as feeds carry bodies) read for its text, the
// page's main text or every block of the fragment; other text as it is.
std::string ContentText(std::string_view content);

// Title and date of a plain-text article from its first lines (a short first
// line without sentence punctuation is the title; a date near the top is the
// publication date), removed from doc->text when found. The title is set
// always, the date only when doc->published is empty. Above a headline of
// three words or more, lines that are all labels (four words at most, ending
// no sentence) or list items (a bullet first: other stories, their writers)
// are the page's, not the article's: they move to doc->boilerplate with the
// reason kAboveHeadline.
void FindTitleAndDate(Document* doc);
inline constexpr std::string_view kAboveHeadline = "above-headline";

// ---------------------------------------------------------------------------
// Boilerplate in plain text, decided from structure and statistics, never
// from strings of a particular site: lines repeated across documents of the
// same source, runs of short lines without sentence punctuation (navigation,
// author and section lists), and prompt or form blocks at the edges. At the
// very end of the text, also when glued to the last paragraph: the
// document's title repeated after a short label the source repeats ("link to
// the story in <paper>: <title>", reason "title-echo"), and a tag list after
// a label word for tags (سمات، الوسوم، الكلمات الدلالية, reason "tag-list").

class BoilerplateFilter {
 public:
  // Counts the lines of `doc` for its source. Call for every document of a
  // batch before Apply.
  void Learn(const Document& doc);
  // Moves boilerplate lines of doc->text, and what ends it after them, into
  // doc->boilerplate.
  void Apply(Document* doc) const;

 private:
  // The end of doc->text: a title repeated after a label, a tag list.
  void ApplyToEnd(Document* doc, const std::string& key, uint32_t min_docs) const;

  // Per source, per line hash: in how many documents the line occurs.
  std::unordered_map<std::string, std::unordered_map<uint64_t, uint32_t>> line_docs_;
  // Per source, per label hash: in how many documents a label of a tag list
  // ends the text, and the last words of a label the title follows.
  std::unordered_map<std::string, std::unordered_map<uint64_t, uint32_t>> tag_labels_;
  std::unordered_map<std::string, std::unordered_map<uint64_t, uint32_t>> echo_labels_;
  std::unordered_map<std::string, uint32_t> source_docs_;
};

// ---------------------------------------------------------------------------
// Duplicates. ContentKey is equal for texts that differ only in spelling
// variants, spacing and punctuation; SimHash is close (few differing bits)
// for wire copies with small edits.

std::string ContentKey(std::string_view text);
uint64_t SimHash(std::string_view text);

// ContentKey(title + "\n" + text) and SimHash(text) of a document, from the
// matching keys of its title and text (text::MatchKey, or the text of
// text::Normalize at kMatch), in one pass: for a caller that has the keys.
struct Fingerprints {
  std::string content_key;
  uint64_t simhash = 0;
};
Fingerprints FingerprintKeys(std::string_view title_key, std::string_view text_key);

// Finds, among added fingerprints, one within `max_distance` bits. Not thread-safe.
class NearDuplicateIndex {
 public:
  explicit NearDuplicateIndex(int max_distance = 3);
  void Add(int64_t id, uint64_t simhash);
  // The id of an added fingerprint within max_distance bits, or nullopt.
  std::optional<int64_t> Find(uint64_t simhash) const;

 private:
  int max_distance_;
  struct Fingerprint {
    uint64_t simhash;
    int64_t id;
  };
  std::vector<Fingerprint> added_;
  // Four tables keyed by one 16-bit band each (fingerprints within 3 bits
  // agree on at least one band), as chains through added_: the last
  // fingerprint with each key, and for each fingerprint the one before it
  // with the same key. Direct indexing: a probe at radius 2 makes 548 lookups.
  std::vector<uint32_t> last_[4];
  std::vector<uint32_t> previous_[4];
};

}  // namespace marsad::ingest

#endif  // MARSAD_INGEST_INGEST_H_
