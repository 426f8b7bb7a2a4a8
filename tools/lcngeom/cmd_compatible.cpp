// lcngeom compatible: the Example 5.6 row of an architecture -- which rrmps are
// compatible (balls into bins, after Theorem 5.4), with witness placements.
#include <iostream>
#include <memory>

#include "command.hpp"
#include "json_forms.hpp"
#include "options.hpp"
#include "section5_args.hpp"

namespace lcngeom::cli {

namespace {

struct CompatibleOptions {
  std::string filters, strides;
  bool json = false;
};

nlohmann::json bins_json(const Placement& p) {
  nlohmann::json bins = nlohmann::json::array();
  for (const auto& bin : p.bins) {
    nlohmann::json b = nlohmann::json::array();
    for (const auto& f : bin) {
      std::string s(1, f.complex ? 'q' : 'p');
      s += std::to_string(f.index);
      b.push_back(s);
    }
    bins.push_back(b);
  }
  return bins;
}

const bool registered = register_command(
    {501, "compatible",
     "Example 5.6 row: every rrmp of the end-to-end degree, with a witness factorization without repeated roots "
     "in any filter (Cor. 5.5) or a dash",
     [](CLI::App& app) -> std::function<int()> {
       auto o = std::make_shared<CompatibleOptions>();
       add_filters_option(app, o->filters, true, "filter sizes k_1,...,k_L (stride one), e.g. 3,2,2");
       add_strides_option(app, o->strides);
       add_json_flag(app, o->json);
       return [o] {
         const Architecture arch = parse_filters_arg(o->filters, o->strides);
         const std::vector<int> k = arch.filters();
         const int n = arch.end_to_end_filter_size() - 1;
         check_limit(n, kMaxCompatibleDegree, "the end-to-end degree", "a placement search for every rrmp");
         const auto rows = compatibility_table(k);
         if (o->json) {
           nlohmann::json map = nlohmann::json::object(), list = nlohmann::json::array();
           for (const auto& r : rows) {
             const std::string key = r.rrmp.to_string();
             map[key] = r.witness ? nlohmann::json(r.witness->to_string()) : nlohmann::json(nullptr);
             nlohmann::json row = rrmp_json(r.rrmp);
             row["witness"] = map[key];
             row["bins"] = r.witness ? bins_json(*r.witness) : nlohmann::json(nullptr);
             list.push_back(row);
           }
           int count = 0;
           for (const auto& r : rows) count += r.witness.has_value();
           print_json({{"filter_sizes", k},
                       {"architecture", arch.to_string()},
                       {"degree", n},
                       {"compatible", map},
                       {"rows", list},
                       {"compatible_count", count},
                       {"rrmp_count", rows.size()}});
         } else {
           std::cout << arch.to_string() << ": rrmps of degree " << n
                     << " and a factorization without repeated roots in any filter (p = real linear, q = complex "
                        "pair)\n";
           for (const auto& r : rows) {
             std::string key = r.rrmp.to_string();
             key.resize(std::max<std::size_t>(key.size(), 10), ' ');
             std::cout << key << "  " << (r.witness ? r.witness->to_string() : "\u2014") << '\n';
           }
         }
         return 0;
       };
     }});

}  // namespace

}  // namespace lcngeom::cli
