// lcngeom member: is a form in the function space of an architecture
// (Lemma 4.2), on its boundary (Prop. 4.4) or outside, with a witness
// factorization mu(theta) = p.
#include <iostream>
#include <memory>
#include <string>

#include "arch_args.hpp"
#include "command.hpp"
#include "json_forms.hpp"
#include "options.hpp"

namespace lcngeom::cli {

namespace {

struct MemberRun : ArchOptions {
  std::string form, form_option;
  long precision = 128;
  int digits = kDefaultDigits;
};

int run_member(const MemberRun& o) {
  const Architecture a = make_architecture(o);
  const BinaryForm p =
      parse_form(form_text(o.form, o.form_option, true), a.dimension() == 1 ? a.end_to_end_filter_size() - 1 : -1);
  const Region region = form_region(a, p);
  const int e = stride_one_reduction(a)->even_filter_count();
  const bool member = region != Region::complement;
  std::optional<Witness> w;
  if (member) w = witness(a, p, o.precision);
  if (o.json) {
    nlohmann::json j = form_json(p);
    j["architecture"] = a.to_string();
    j["e"] = e;
    if (!p.is_zero()) {
      const Rrmp r = rrmp(p);
      j["rrmp"] = r.to_string();
      j["real_root_count"] = r.real_root_count();
    } else {
      j["rrmp"] = nullptr;
      j["real_root_count"] = nullptr;
    }
    j["member"] = member;
    j["boundary"] = region == Region::boundary;
    j["region"] = to_string(region);
    j["weights"] = w ? weights_json(w->filters) : nlohmann::json(nullptr);
    j["weights_decimal"] = nullptr;
    j["exact"] = w ? nlohmann::json(w->exact) : nlohmann::json(nullptr);
    j["weights_exact"] = w ? nlohmann::json(w->exact_filters) : nlohmann::json(nullptr);
    j["precision"] = w ? nlohmann::json(w->precision) : nlohmann::json(nullptr);
    j["error_max"] = w ? nlohmann::json(w->error_max.to_string()) : nlohmann::json(nullptr);
    j["error_norm_bound"] = w ? nlohmann::json(w->error_norm_bound().to_string()) : nlohmann::json(nullptr);
    j["error_norm_bound_decimal"] =
        w ? nlohmann::json(decimal_text(w->error_norm_bound(), 6)) : nlohmann::json(nullptr);
    if (w) {
      nlohmann::json decimals = nlohmann::json::array();
      for (const auto& f : w->filters) {
        nlohmann::json dec = nlohmann::json::array();
        for (const Rational& c : f) dec.push_back(decimal_text(c, o.digits));
        decimals.push_back(dec);
      }
      j["weights_decimal"] = decimals;
    }
    print_json(j);
    return 0;
  }
  std::cout << "form              " << p.to_string() << '\n';
  if (!p.is_zero()) {
    const Rrmp r = rrmp(p);
    std::cout << "rrmp              " << r << " (" << r.real_root_count() << " real roots with multiplicity; e = " << e
              << ")\n";
  }
  std::cout << "region            " << to_string(region)
            << (region == Region::complement ? " (not in the function space of " + a.to_string() + ")"
                                             : " (in the function space of " + a.to_string() + ")")
            << '\n';
  if (!w) return 0;
  if (w->exact) std::cout << "witness           exact: mu(theta) = p over Q\n";
  else
    std::cout << "witness           numeric, " << w->precision
              << "-bit coefficients; ||mu(theta) - p||_2 <= " << decimal_text(w->error_norm_bound(), 6)
              << " (certified)\n";
  for (std::size_t l = 0; l < w->filters.size(); ++l) {
    std::cout << "  w" << l + 1 << " = ";
    for (std::size_t i = 0; i < w->filters[l].size(); ++i) {
      if (i) std::cout << ", ";
      std::cout << (w->exact_filters[l] ? w->filters[l][i].to_string() : decimal_text(w->filters[l][i], o.digits));
    }
    std::cout << (w->exact_filters[l] ? "" : "  (rounded)") << '\n';
  }
  return 0;
}

const bool registered = register_command(
    {410, "member",
     "is a form in the function space (Lemma 4.2), on its boundary (Prop. 4.4) or outside; with a witness "
     "factorization mu(theta) = p (exact over Q, else certified numeric)",
     [](CLI::App& app) -> std::function<int()> {
       auto o = std::make_shared<MemberRun>();
       add_arch_options(app, *o);
       add_form_positional(app, o->form, o->form_option, "binary form of degree k - 1 (the end-to-end filter)");
       app.add_option("--precision", o->precision, "bits of the numeric witness coefficients (default 128)");
       add_digits_option(app, o->digits);
       return [o] {
         if (o->precision < 16 || o->precision > (1L << 20))
           throw invalid_argument("--precision " + std::to_string(o->precision) + " is outside 16..2^20 bits");
         return run_member(*o);
       };
     }});

}  // namespace

}  // namespace lcngeom::cli
