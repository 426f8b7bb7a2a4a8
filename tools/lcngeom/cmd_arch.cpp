// Subcommands on architectures (Sections 2 and 4): arch, member.
#include <iostream>
#include <memory>
#include <string>

#include "command.hpp"
#include "int_list.hpp"
#include "json_forms.hpp"

namespace lcngeom::cli {

namespace {

struct ArchOptions {
  std::string filters, strides, out, in;
  bool json = false;
};

void add_arch_options(CLI::App& app, ArchOptions& o) {
  app.add_option("--filters", o.filters,
                 "filter sizes k_1,...,k_L (\"4,2\"); D-dimensional shapes as \"2x2,3x3\" or \"3x3x2,...\"")
      ->required();
  app.add_option("--strides", o.strides, "strides s_1,...,s_L (default all 1; 1-D only)");
  app.add_option("--out", o.out, "output size d_L (default 1); per dimension as \"3x2\"");
  app.add_option("--in", o.in, "input size d_0 instead of --out (eq. 2.4 must give integral widths)");
  app.add_flag("--json", o.json, "print one JSON object on stdout");
}

Architecture make_architecture(const ArchOptions& o) {
  if (!o.in.empty() && !o.out.empty()) throw invalid_argument("give either --in or --out, not both");
  if (!o.in.empty()) return Architecture::parse_with_input(o.filters, o.strides, o.in);
  return Architecture::parse(o.filters, o.strides, std::string_view(o.out));
}

std::string list_text(const std::vector<int>& v) { return join_ints(v, ", "); }

std::string rrmp_list_text(const std::vector<Rrmp>& v) {
  if (v.empty()) return "(none)";
  std::string s;
  for (const Rrmp& r : v) {
    if (!s.empty()) s += ", ";
    s += r.to_string();
  }
  return s;
}

nlohmann::json rrmp_list_json(const std::vector<Rrmp>& v) {
  nlohmann::json a = nlohmann::json::array();
  for (const Rrmp& r : v) a.push_back(r.to_string());
  return a;
}

// q to `digits` significant digits (lcngeom/decimal.hpp's policy).
std::string approx(const Rational& q, int digits) { return to_decimal(q, digits); }

constexpr int kMaxListDegree = 30;

struct ArchRun : ArchOptions {
  bool lists = false;
};

int run_arch(const ArchRun& o) {
  const Architecture a = make_architecture(o);
  const FillingVerdict fill = filling_verdict(a);
  const FunctionSpaceDimension dim = function_space_dimension(a);
  const Architecture red = reduce_architecture(a);
  const std::optional<Architecture> one = stride_one_reduction(a);
  const std::vector<int> shape = a.end_to_end_filter_shape();
  std::optional<RrmpTable> table;
  std::string lists_note;
  if (one) {
    const int n = one->end_to_end_filter_size() - 1;
    if (n <= kMaxListDegree || o.lists) table = function_space_rrmps(*one);
    else
      lists_note = "omitted: degree " + std::to_string(n) + " > " + std::to_string(kMaxListDegree) + " (use --lists)";
  } else {
    lists_note = "not described by rrmps (" + red.to_string() +
                 " is not a 1-D stride-one architecture; Lemma 4.2 does not apply)";
  }
  if (o.json) {
    nlohmann::json j;
    j["architecture"] = a.to_string();
    j["filter_shapes"] = a.filter_shapes();
    j["strides"] = a.strides();
    j["widths"] = a.widths();
    j["input_sizes"] = a.input_sizes();
    j["output_sizes"] = a.output_sizes();
    j["end_to_end_filter_shape"] = shape;
    if (a.dimension() == 1) j["end_to_end_filter_size"] = shape[0];
    else j["end_to_end_filter_size"] = shape;
    j["end_to_end_stride"] = a.end_to_end_stride();
    j["parameters"] = a.parameter_count();
    j["reduced_architecture"] = red.to_string();
    j["e"] = one ? nlohmann::json(one->even_filter_count()) : nlohmann::json(nullptr);
    j["filling"] = fill.filling;
    j["filling_reason"] = fill.reason;
    j["dimension"] = dim.dimension;
    j["ambient_dimension"] = dim.ambient_dimension;
    j["dimension_upper_bound"] = dim.upper_bound;
    j["dimension_certified"] = dim.certified;
    j["dimension_failure_probability"] = dim.failure_probability;
    j["function_space"] = table ? rrmp_list_json(table->function_space) : nlohmann::json(nullptr);
    j["complement"] = table ? rrmp_list_json(table->complement) : nlohmann::json(nullptr);
    j["boundary"] = table ? rrmp_list_json(table->boundary) : nlohmann::json(nullptr);
    if (!table) j["rrmp_lists_note"] = lists_note;
    print_json(j);
    return 0;
  }
  std::cout << "architecture      " << a.to_string() << '\n';
  const auto widths = a.widths();
  for (std::size_t h = 0; h < widths.size(); ++h)
    std::cout << "widths" << (widths.size() > 1 ? " (dim " + std::to_string(h + 1) + ")" : std::string())
              << std::string(widths.size() > 1 ? 4 : 12, ' ') << "d = (" << list_text(widths[h]) << ")\n";
  std::cout << "end-to-end        filter size "
            << (a.dimension() == 1 ? std::to_string(shape[0]) : "(" + list_text(shape) + ")") << ", stride "
            << a.end_to_end_stride() << '\n';
  if (red.to_string() != a.to_string()) std::cout << "reduces to        " << red.to_string() << " (Lemma 4.9)\n";
  if (one) std::cout << "even filters      e = " << one->even_filter_count() << '\n';
  std::cout << "filling           " << (fill.filling ? "yes" : "no") << " (" << fill.reason << ")\n";
  std::cout << "dimension         " << dim.dimension << " of " << dim.ambient_dimension;
  if (dim.certified) std::cout << " (certified: reaches the bound min(ambient, parameters - (L - 1)))\n";
  else std::cout << " (generic Jacobian rank; wrong with probability <= " << dim.failure_probability << ")\n";
  if (table) {
    std::cout << "function space    " << rrmp_list_text(table->function_space) << '\n';
    std::cout << "complement        " << rrmp_list_text(table->complement) << '\n';
    std::cout << "boundary          " << rrmp_list_text(table->boundary) << '\n';
  } else {
    std::cout << "rrmp lists        " << lists_note << '\n';
  }
  return 0;
}

struct MemberRun : ArchOptions {
  std::string form;
  long precision = 128;
  int digits = default_digits;
};

int run_member(const MemberRun& o) {
  const Architecture a = make_architecture(o);
  const BinaryForm p = parse_form(o.form, a.dimension() == 1 ? a.end_to_end_filter_size() - 1 : -1);
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
      j["real_roots"] = r.real_root_count();
    } else {
      j["rrmp"] = nullptr;
      j["real_roots"] = nullptr;
    }
    j["member"] = member;
    j["boundary"] = region == Region::boundary;
    j["region"] = to_string(region);
    if (w) {
      nlohmann::json filters = nlohmann::json::array(), decimals = nlohmann::json::array();
      for (const auto& f : w->filters) {
        nlohmann::json exact = nlohmann::json::array(), dec = nlohmann::json::array();
        for (const Rational& c : f) {
          exact.push_back(c.to_string());
          dec.push_back(approx(c, o.digits));
        }
        filters.push_back(exact);
        decimals.push_back(dec);
      }
      j["filters"] = filters;
      j["filters_decimal"] = decimals;
      j["exact"] = w->exact;
      j["exact_filters"] = w->exact_filters;
      j["precision"] = w->precision;
      j["error_max"] = w->error_max.to_string();
      j["error_norm_bound"] = w->error_norm_bound().to_string();
      j["error_norm_bound_decimal"] = approx(w->error_norm_bound(), 6);
    } else {
      j["filters"] = nullptr;
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
              << "-bit coefficients; ||mu(theta) - p||_2 <= " << approx(w->error_norm_bound(), 6) << " (certified)\n";
  for (std::size_t l = 0; l < w->filters.size(); ++l) {
    std::cout << "  w" << l + 1 << " = ";
    for (std::size_t i = 0; i < w->filters[l].size(); ++i) {
      if (i) std::cout << ", ";
      std::cout << (w->exact_filters[l] ? w->filters[l][i].to_string() : approx(w->filters[l][i], o.digits));
    }
    std::cout << (w->exact_filters[l] ? "" : "  (rounded)") << '\n';
  }
  return 0;
}

const bool arch_registered = register_command(
    {400, "arch",
     "an LCN architecture: widths (eq. 2.4), end-to-end filter (Prop. 2.2), filling (Thm 4.1, Prop. 4.11, Cor. 4.16), "
     "function-space dimension, and the rrmps of the function space, complement and boundary (Example 4.6)",
     [](CLI::App& app) -> std::function<int()> {
       auto o = std::make_shared<ArchRun>();
       add_arch_options(app, *o);
       app.add_flag("--lists", o->lists, "compute the rrmp lists even for end-to-end degree > 30");
       return [o] { return run_arch(*o); };
     }});

const bool member_registered = register_command(
    {410, "member",
     "is a form in the function space (Lemma 4.2), on its boundary (Prop. 4.4) or outside; with a witness "
     "factorization mu(theta) = p (exact over Q, else certified numeric)",
     [](CLI::App& app) -> std::function<int()> {
       auto o = std::make_shared<MemberRun>();
       add_arch_options(app, *o);
       app.add_option("form", o->form, "binary form of degree k - 1: coefficients a_0,...,a_n or an expression in x, y")
           ->required();
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
