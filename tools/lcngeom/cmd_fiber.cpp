// lcngeom fiber: the fiber mu^{-1}(w) as scaling-equivalence classes
// (Lemma 5.7, Example 5.8), exact over Q with a certified real splitting.
#include <iostream>
#include <memory>

#include "command.hpp"
#include "json_forms.hpp"
#include "options.hpp"
#include "section5_args.hpp"

namespace lcngeom::cli {

namespace {

struct FiberOptions {
  std::string filters, strides, form, form_option;
  int digits = kDefaultDigits;
  long max_classes = 10000;
  bool json = false;
};

/// Exact rationals as strings; a ball as the decimal it certifies (decimal.hpp).
std::string ball_text(const Ball& b, int digits) {
  if (b.is_exact()) return b.midpoint().to_string();
  return to_decimal(b, digits);
}

/// Filters with exact or enclosed coefficients (rational strings or certified reals).
nlohmann::json ball_weights_json(const std::vector<std::vector<Ball>>& f, int digits) {
  nlohmann::json a = nlohmann::json::array();
  for (const auto& w : f) {
    nlohmann::json x = nlohmann::json::array();
    for (const Ball& b : w) x.push_back(coefficient_json(b, digits));
    a.push_back(x);
  }
  return a;
}

std::string factor_text(const FiberFactor& f, int digits) {
  std::string s = f.label + " = ";
  const auto& c = f.factor.coefficients;
  if (f.factor.exact) {  // the Q-block itself, made monic in x as real_factorization does
    BinaryForm q = f.factor.rational_factor;
    if (q.multiplicity_at_infinity() == 0) q *= Rational(1) / q.coeff(0);
    return s + q.to_string();
  }
  if (f.factor.degree == 1) return s + "x + (" + ball_text(c[1], digits) + ")y";
  return s + "x^2 + (" + ball_text(c[1], digits) + ")xy + (" + ball_text(c[2], digits) + ")y^2";
}

const bool registered = register_command(
    {507, "fiber",
     "the fiber mu^{-1}(w) (Lemma 5.7): its scaling-equivalence classes, their number and the number of connected "
     "components",
     [](CLI::App& app) -> std::function<int()> {
       auto o = std::make_shared<FiberOptions>();
       add_filters_option(app, o->filters, true, "filter sizes k_1,...,k_L (stride one), e.g. 4,2");
       add_strides_option(app, o->strides);
       add_form_positional(app, o->form, o->form_option, "end-to-end filter w (k coefficients)");
       add_digits_option(app, o->digits);
       app.add_option("--max-classes", o->max_classes,
                      "list at most this many classes (default 10000, at most " + std::to_string(kMaxListedClasses) +
                          "); larger fibers are only counted")
           ->check(CLI::Range(0L, kMaxListedClasses));
       add_json_flag(app, o->json);
       return [o] {
         const Architecture arch = parse_filters_arg(o->filters, o->strides);
         const BinaryForm w = parse_form(form_text(o->form, o->form_option, true), arch.end_to_end_filter_size() - 1);
         const Integer count = fiber_class_count(arch, w);
         const std::size_t L = arch.filters().size();
         const Integer components = count * pow(Integer(2), L - 1);
         const bool listed = count <= Integer(o->max_classes);
         std::optional<Fiber> fib;
         if (listed) fib = fiber(arch, w, bits_for_digits(o->digits), o->max_classes);
         if (o->json) {
           nlohmann::json j;
           j["architecture"] = arch.to_string();
           j["filter_sizes"] = arch.filters();
           j["end_to_end"] = form_json(w);
           j["class_count"] = count_json(count);
           j["component_count"] = count_json(components);
           j["listed"] = listed;
           if (fib) {
             j["rational_class_count"] = fib->rational_class_count();
             nlohmann::json factors = nlohmann::json::array();
             for (const FiberFactor& f : fib->factors) {
               nlohmann::json c = nlohmann::json::array();
               for (const Ball& b : f.factor.coefficients) c.push_back(coefficient_json(b, o->digits));
               factors.push_back(
                   {{"label", f.label},
                    {"degree", f.factor.degree},
                    {"multiplicity", f.factor.multiplicity},
                    {"exact", f.factor.exact},
                    {"coefficients", c},
                    {"rational_factor", form_json(fib->blocks.factors[static_cast<std::size_t>(f.block)].form)}});
             }
             j["factors"] = factors;
             nlohmann::json classes = nlohmann::json::array();
             for (const FiberClass& c : fib->classes) {
               nlohmann::json x = {
                   {"notation", c.notation}, {"rational", c.rational}, {"repeated_root", c.repeated_root}};
               x["weights"] = c.exact ? weights_json(*c.exact) : ball_weights_json(c.filters, o->digits);
               classes.push_back(x);
             }
             j["classes"] = classes;
           } else {
             j["rational_class_count"] = nullptr;
             j["factors"] = nullptr;
             j["classes"] = nullptr;
           }
           print_json(j);
         } else {
           std::cout << "w = " << w << "  (" << arch.to_string() << ")\n";
           std::cout << count << " scaling class" << (count == Integer(1) ? "" : "es") << ", " << components
                     << " connected component" << (components == Integer(1) ? "" : "s") << " (classes x 2^(L-1))\n";
           if (!fib) {
             std::cout << "(more than " << o->max_classes << " classes: not listed; raise --max-classes)\n";
             return 0;
           }
           std::cout << "real factors:\n";
           for (const FiberFactor& f : fib->factors)
             std::cout << "  " << factor_text(f, o->digits)
                       << (f.factor.multiplicity > 1 ? "  (multiplicity " + std::to_string(f.factor.multiplicity) + ")"
                                                     : "")
                       << (f.factor.exact ? "" : "  [certified enclosure]") << '\n';
           for (const FiberClass& c : fib->classes) {
             std::cout << "  " << c.notation << (c.rational ? "  exact: " : "  enclosed: ");
             if (c.exact) {
               std::cout << filters_text(*c.exact);
             } else {
               for (std::size_t l = 0; l < c.filters.size(); ++l) {
                 std::cout << (l ? "; (" : "(");
                 for (std::size_t i = 0; i < c.filters[l].size(); ++i)
                   std::cout << (i ? ", " : "") << ball_text(c.filters[l][i], o->digits);
                 std::cout << ')';
               }
             }
             bool rep = false;
             for (bool r : c.repeated_root) rep = rep || r;
             std::cout << (rep ? "  (a filter has a repeated root)" : "") << '\n';
           }
         }
         return 0;
       };
     }});

}  // namespace

}  // namespace lcngeom::cli
