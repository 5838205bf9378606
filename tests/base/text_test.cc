#include <catch2/catch.hpp>

#include <algorithm>
#include <sstream>

#include "base/quoted.h"
#include "base/text.h"
#include "formats/load.h"
#include "model/resolve.h"
#include "report/text_table.h"
#include "test_support.h"

using namespace renkei;

TEST_CASE("match keys ignore width, spaces and long-vowel variants") {
  CHECK(match_key("相談支援ふる一む") == match_key("相談支援ふるーむ"));
  CHECK(match_key("ＡＢＣ") == match_key("abc"));
  CHECK(match_key("総合相談支援センター ぱれっと") == match_key("総合相談支援センターぱれっと"));
  CHECK(match_key("ｶﾀｶﾅ") == match_key("カタカナ"));
  // 一 stays a kanji after kanji: 第一 is not 第ー
  CHECK(match_key("第一") != match_key("第ー"));
  // dakuten matter: ぼ and ぽ are different keys (aliases carry the misreadings)
  CHECK(match_key("たんぼぼ") != match_key("たんぽぽ"));
}

TEST_CASE("display width counts wide characters as two columns") {
  CHECK(display_width("abc") == 3);
  CHECK(display_width("上関町") == 6);
  CHECK(display_width("ｶﾅ") == 2);
  CHECK(pad("上関町", 8) == "上関町  ");
  CHECK(truncate_to_width("地域生活支援センター", 9) == "地域生活…");
}

TEST_CASE("tables align Japanese by display width") {
  TextTable t({"名称", "n"}, {false, true});
  t.add_row({"上関町", "1"});
  t.add_row({"山陽小野田市", "12"});
  std::ostringstream out;
  t.write(out);
  CHECK(out.str() ==
        "名称           n\n"
        "------------  --\n"
        "上関町         1\n"
        "山陽小野田市  12\n");
}

TEST_CASE("did-you-mean picks a close candidate only") {
  CHECK(nearest("valdate", {"validate", "list", "show"}) == std::optional<std::string>("validate"));
  CHECK_FALSE(nearest("xyzzy", {"validate", "list", "show"}));
}

TEST_CASE("messages quote values cut, escaped and marked") {
  CHECK(in_quotes("たんぽぽ") == "\"たんぽぽ\"");
  CHECK(in_quotes(std::string("a\0b\x1b\x7f\u0085", 7)) == "\"a\\u0000b\\u001b\\u007f\\u0085\"");
  CHECK(in_quotes("\xff\xfe") == "\"\\xff\\xfe\" (not valid UTF-8)");
  CHECK(in_quotes(std::string(41, 'a')) == "\"" + std::string(40, 'a') + "…\" (41 bytes)");
  CHECK(in_quotes(std::string(40, 'a')) == "\"" + std::string(40, 'a') + "\"");
  // Characters, not bytes: 41 kana are cut after 40, never inside one.
  std::string kana;
  for (int i = 0; i < 41; ++i) kana += "あ";
  CHECK(in_quotes(kana) == "\"" + kana.substr(0, 120) + "…\" (123 bytes)");
  CHECK(in_quotes(std::string(50, 'a') + "\xff") ==
        "\"" + std::string(40, 'a') + "…\" (51 bytes) (not valid UTF-8)");
  CHECK(excerpt(std::string(100, '9')) == std::string(40, '9') + "…");
}

TEST_CASE("looking a name up before the index is built finds what the built index finds") {
  // The first lookups scan the nodes (quicker than building the index for one or two names);
  // they must give the same node, or the same "not one", as the index does.
  const Dataset ds = load_builtin_dataset();
  NameIndex built(ds);
  CHECK_FALSE(built.find("どこにもない名前").has_value());  // a miss builds the index
  std::vector<std::string> queries = {
      "岩国",   "岩国市",   "iwakuni", "たんぼぼ",        "たんぽぽ",   "柳井",     "柳井圏域",
      "ＡＢＣ", "周防大島", "上関町",  "Kaminoseki Town", "kaminoseki", "センター", "和木"};
  for (const Node& n : ds.nodes) {
    queries.push_back(n.id);
    queries.push_back(n.name);
    queries.push_back(n.name_en);
    for (const Alias& a : n.aliases) queries.push_back(a.name);
  }
  // What resolve says: the node, or its whole message (ambiguous lists every candidate).
  auto outcome = [](const NameIndex& index, const std::string& q, const std::vector<Kind>& kinds) {
    try {
      return "node " + std::to_string(index.resolve(q, kinds));
    } catch (const std::exception& e) {
      return std::string(e.what());
    }
  };
  std::size_t found = 0;
  for (const auto& q : queries)
    for (const std::vector<Kind>& kinds :
         {std::vector<Kind>{}, std::vector<Kind>{Kind::Municipality}}) {
      NameIndex fresh(ds);
      INFO(q);
      std::string a = outcome(fresh, q, kinds), b = outcome(built, q, kinds);
      CHECK(a == b);
      found += a.rfind("node ", 0) == 0;
    }
  CHECK(found > ds.nodes.size());  // most queries name exactly one node
}

TEST_CASE("edit_distance_within agrees with edit_distance up to its limit") {
  // Japanese and ASCII, equal and unequal lengths, every limit from 0 to past the distance.
  const std::vector<std::string> words = {"",
                                          "a",
                                          "ab",
                                          "たんぽぽ",
                                          "たんぼぼ",
                                          "地域生活支援センターたんぽぽ",
                                          "上関町",
                                          "上開町",
                                          "kaminoseki",
                                          "kamino",
                                          "相談支援事業所",
                                          "相談支援センター",
                                          "abcdefghij",
                                          "jihgfedcba"};
  for (const auto& a : words)
    for (const auto& b : words) {
      std::size_t d = edit_distance(a, b);
      for (std::size_t limit = 0; limit <= d + 2; ++limit) {
        INFO(a << " / " << b << " limit " << limit);
        CHECK(edit_distance_within(a, b, limit) == std::min(d, limit + 1));
      }
    }
}

TEST_CASE("a very long unknown name is refused at once, without a suggestion") {
  // Did-you-mean was cubic in the name's length: 4,000 characters took 88 s.
  std::string typed(4000, 'x');
  auto r = renkei::test::run_renkei({"show", typed});
  CHECK(r.code == 2);
  CHECK(r.err.find("see `renkei list` for names") != std::string::npos);
  std::string japanese;
  for (int i = 0; i < 700; ++i) japanese += "上関町";
  auto j = renkei::test::run_renkei({"reach", japanese});
  CHECK(j.code == 2);
  CHECK(std::count(j.err.begin(), j.err.end(), '\n') == 1);
}

TEST_CASE("the escaping buffer escapes controls however the text is cut into pieces") {
  const std::string text = std::string(
                               "a\x1b[2Jb\tc\nd\x7f"
                               "e\xc2\x9b"
                               "f\xc2\xa9g") +
                           "たんぽぽ\xc2";
  for (bool json : {false, true})
    for (std::size_t piece : {1u, 2u, 3u, 7u, 100u}) {
      std::ostringstream sink;
      {
        auto buf = renkei::control_escaping_buffer(sink.rdbuf(), json);
        std::ostream os(buf.get());
        for (std::size_t i = 0; i < text.size(); i += piece)
          os.write(text.data() + i, static_cast<std::streamsize>(std::min(piece, text.size() - i)));
        os.flush();
      }
      INFO("json " << json << " piece " << piece);
      std::string esc = json ? "\x1b" : "\\u001b";
      CHECK(sink.str() == "a" + esc + "[2Jb\tc\nd\\u007fe\\u009bf\xc2\xa9gたんぽぽ\xc2");
    }
}
