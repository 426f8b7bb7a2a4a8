// lcngeom arch: an LCN architecture (Sections 2 and 4): widths, end-to-end
// filter, filling, function-space dimension, and the rrmps of the function
// space, its complement and boundary.
#include <iostream>
#include <memory>
#include <string>

#include "arch_args.hpp"
#include "command.hpp"
#include "int_list.hpp"
#include "json_forms.hpp"
#include "options.hpp"

namespace lcngeom::cli {

namespace {

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

struct ArchRun : ArchOptions {
  bool lists = false;
  DimensionOptions dimension;
};

int run_arch(const ArchRun& o) {
  const Architecture a = make_architecture(o);
  const FillingVerdict fill = filling_verdict(a);
  const FunctionSpaceDimension dim = function_space_dimension(a, o.dimension);
  const Architecture red = reduce_architecture(a);
  const std::optional<Architecture> one = stride_one_reduction(a);
  const std::vector<int> shape = a.end_to_end_filter_shape();
  std::optional<RrmpTable> table;
  std::string lists_note;
  if (one) {
    const int n = one->end_to_end_filter_size() - 1;
    if (o.lists) check_limit(n, kMaxEnumerationDegree, "the end-to-end degree of the rrmp lists", "--lists");
    if (n <= kDefaultListDegree || o.lists) table = function_space_rrmps(*one);
    else
      lists_note = "omitted: degree " + std::to_string(n) + " > " + std::to_string(kDefaultListDegree) +
                   " (use --lists, up to degree " + std::to_string(kMaxEnumerationDegree) + ")";
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
    j["end_to_end_filter_size"] = a.dimension() == 1 ? nlohmann::json(shape[0]) : nlohmann::json(nullptr);
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

const bool registered = register_command(
    {400, "arch",
     "an LCN architecture: widths (eq. 2.4), end-to-end filter (Prop. 2.2), filling (Thm 4.1, Prop. 4.11, Cor. 4.16), "
     "function-space dimension, and the rrmps of the function space, complement and boundary (Example 4.6)",
     [](CLI::App& app) -> std::function<int()> {
       auto o = std::make_shared<ArchRun>();
       add_arch_options(app, *o);
       app.add_flag("--lists", o->lists,
                    "compute the rrmp lists for end-to-end degree > " + std::to_string(kDefaultListDegree) +
                        " (up to " + std::to_string(kMaxEnumerationDegree) + ")");
       add_seed_option(app, o->dimension.seed, "seed of the random points of the dimension count");
       return [o] { return run_arch(*o); };
     }});

}  // namespace

}  // namespace lcngeom::cli
