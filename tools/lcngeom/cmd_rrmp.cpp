// lcngeom rrmp: the real root multiplicity pattern of one form, or of one form
// per line of a file (--batch) without per-form process start-up.
#include <cstdio>
#include <cstring>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "command.hpp"
#include "json_forms.hpp"

namespace lcngeom::cli {

namespace {

struct RrmpOptions {
  std::string form;
  std::string batch;
  bool json = false;
};

// Parses a line of plain machine integers "a,b,c"; false if it is anything else
// (rationals, decimals, expressions, overflow) so the caller falls back.
bool parse_integer_line(const char* s, const char* end, std::vector<long>& out) {
  out.clear();
  const char* p = s;
  for (;;) {
    while (p < end && (*p == ' ' || *p == '\t')) ++p;
    bool neg = false;
    if (p < end && (*p == '-' || *p == '+')) neg = *p++ == '-';
    if (p == end || *p < '0' || *p > '9') return false;
    unsigned long v = 0;
    const char* digits = p;
    while (p < end && *p >= '0' && *p <= '9') {
      v = v * 10 + static_cast<unsigned long>(*p - '0');
      ++p;
    }
    if (p - digits > 18) return false;  // may not fit a long: take the exact route
    out.push_back(neg ? -static_cast<long>(v) : static_cast<long>(v));
    while (p < end && (*p == ' ' || *p == '\t')) ++p;
    if (p == end) return true;
    if (*p != ',') return false;
    ++p;
  }
}

int run_batch(const RrmpOptions& o) {
  FILE* in = o.batch == "-" ? stdin : std::fopen(o.batch.c_str(), "rb");
  if (!in) throw invalid_argument("cannot open batch file '" + o.batch + "': " + std::strerror(errno));
  std::string out;
  out.reserve(1 << 16);
  nlohmann::json all = nlohmann::json::array();
  std::vector<long> coeffs;
  std::vector<char> buf(1 << 20);
  std::string carry;
  long line_no = 0;
  auto handle = [&](const char* s, const char* e) {
    ++line_no;
    if (e > s && e[-1] == '\r') --e;
    Rrmp r;
    try {
      if (parse_integer_line(s, e, coeffs))
        r = rrmp(std::span<const long>(coeffs));
      else
        r = rrmp(BinaryForm::parse(std::string_view(s, static_cast<std::size_t>(e - s))));
    } catch (const lcngeom::error& err) {
      throw invalid_argument("line " + std::to_string(line_no) + " of '" + o.batch + "': " + err.what());
    }
    if (o.json) {
      all.push_back(r.to_string());
    } else {
      r.append_to(out);
      out += '\n';
      if (out.size() > (1 << 16)) {
        std::fwrite(out.data(), 1, out.size(), stdout);
        out.clear();
      }
    }
  };
  for (;;) {
    std::size_t got = std::fread(buf.data(), 1, buf.size(), in);
    if (got == 0) break;
    const char* s = buf.data();
    const char* end = s + got;
    while (s < end) {
      const char* nl = static_cast<const char*>(std::memchr(s, '\n', static_cast<std::size_t>(end - s)));
      if (!nl) {
        carry.append(s, end);
        break;
      }
      if (!carry.empty()) {
        carry.append(s, nl);
        handle(carry.data(), carry.data() + carry.size());
        carry.clear();
      } else {
        handle(s, nl);
      }
      s = nl + 1;
    }
  }
  if (!carry.empty()) handle(carry.data(), carry.data() + carry.size());
  if (in != stdin) std::fclose(in);
  if (o.json) {
    print_json({{"count", all.size()}, {"rrmps", all}});
  } else {
    std::fwrite(out.data(), 1, out.size(), stdout);
    std::fflush(stdout);
  }
  return 0;
}

const bool registered = register_command(
    {300, "rrmp", "real root multiplicity pattern (Definition 3.2) of a binary form, exact",
     [](CLI::App& app) -> std::function<int()> {
       auto o = std::make_shared<RrmpOptions>();
       app.add_option("form", o->form,
                      "binary form: coefficients a_0,...,a_n of a_0 x^n + ... + a_n y^n, or an expression in x, y");
       app.add_option("--batch", o->batch, "classify one coefficient list per line of FILE ('-' for stdin)");
       app.add_flag("--json", o->json, "print one JSON object on stdout");
       return [o] {
         if (!o->batch.empty()) {
           if (!o->form.empty()) throw invalid_argument("give either a form or --batch FILE, not both");
           return run_batch(*o);
         }
         if (o->form.empty()) throw invalid_argument("missing form (or --batch FILE)");
         BinaryForm p = BinaryForm::parse(o->form);
         Rrmp r = rrmp(p);
         if (o->json) {
           nlohmann::json j = form_json(p);
           j.update(rrmp_json(r));
           j["real_roots"] = r.real_root_count();
           j["distinct_real_roots"] = r.distinct_real_roots();
           print_json(j);
         } else {
           std::cout << r << '\n';
         }
         return 0;
       };
     }});

}  // namespace

}  // namespace lcngeom::cli
