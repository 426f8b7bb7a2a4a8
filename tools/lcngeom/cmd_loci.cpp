// lcngeom loci: every rrmp and partition of a degree n (Definition 3.1, 3.2);
// with a form, its membership in and smoothness of each Delta_lambda and a
// basis of its tangent space (eq. 5.3).
#include <algorithm>
#include <cctype>
#include <iostream>
#include <memory>

#include "command.hpp"
#include "json_forms.hpp"
#include "options.hpp"

namespace lcngeom::cli {

namespace {

struct LociOptions {
  std::string form, form_option;
  int degree = -1;
  bool json = false;
};

bool is_digits(const std::string& s) {
  return !s.empty() && s.size() < 9 && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
}

const bool registered = register_command(
    {340, "loci",
     "all rrmps and partitions of a degree; with a form, membership in and smoothness of each Delta_lambda",
     [](CLI::App& app) -> std::function<int()> {
       auto o = std::make_shared<LociOptions>();
       // Not exclusive: the old spelling was "loci N --form FORM".
       add_form_positional(app, o->form, o->form_option, "a binary form whose degree is n (optional)", false);
       CLI::Option* degree = add_degree_option(app, o->degree, false);
       add_json_flag(app, o->json);
       return [o, degree] {
         if (degree->count() && o->degree < 0)
           throw invalid_argument("--degree must be >= 0, got " + std::to_string(o->degree));
         std::string text = o->form;
         // Old spelling: the degree as the positional argument ("loci 4").
         if (degree->count() == 0 && is_digits(o->form)) {
           o->degree = std::stoi(o->form);
           text.clear();
         }
         if (!text.empty() && !o->form_option.empty())
           throw invalid_argument("give the form once (FORM or --form), not both");
         if (text.empty()) text = o->form_option;
         std::optional<BinaryForm> p;
         if (!text.empty()) p = parse_form(text);
         if (o->degree < 0) {
           if (!p) throw invalid_argument("missing --degree N (or a FORM)");
           o->degree = p->degree();
         }
         check_limit(o->degree, kMaxEnumerationDegree, "the degree", "the lists grow like the partition numbers");
         if (p && p->degree() != o->degree)
           throw invalid_argument("the form " + p->to_string() + " has degree " + std::to_string(p->degree()) +
                                  ", not " + std::to_string(o->degree));
         const std::vector<Rrmp> rrmps = all_rrmps(o->degree);
         const std::vector<Partition> parts = partitions(o->degree);
         if (o->json) {
           nlohmann::json jr = nlohmann::json::array(), jp = nlohmann::json::array();
           for (const Rrmp& r : rrmps) jr.push_back(rrmp_json(r));
           for (const Partition& l : parts) {
             nlohmann::json j = {{"partition", partition_json(l)}};
             if (p) {
               j["contains_form"] = in_locus(*p, l);
               j["smooth_point"] = is_smooth_point(*p, l);
             }
             jp.push_back(j);
           }
           nlohmann::json j = {{"degree", o->degree}, {"rrmps", jr}, {"partitions", jp}};
           if (p) {
             j["form"] = form_json(*p);
             j["form_rrmp"] = p->is_zero() ? nlohmann::json(nullptr) : rrmp_json(rrmp(*p));
             nlohmann::json basis = nlohmann::json::array();
             if (!p->is_zero())
               for (const BinaryForm& b : tangent_space(*p)) basis.push_back(form_json(b));
             j["tangent_space_basis"] = basis;
           }
           print_json(j);
         } else {
           std::cout << "rrmps of degree " << o->degree << " (" << rrmps.size() << "):";
           for (const Rrmp& r : rrmps) std::cout << ' ' << r;
           std::cout << "\npartitions of " << o->degree << " (" << parts.size() << "):";
           for (const Partition& l : parts) std::cout << ' ' << l;
           std::cout << '\n';
           if (p) {
             for (const Partition& l : parts)
               std::cout << "Delta" << l << ": " << (in_locus(*p, l) ? "contains" : "does not contain") << " the form"
                         << (in_locus(*p, l) ? (is_smooth_point(*p, l) ? " (smooth point)" : " (singular point)") : "")
                         << '\n';
           }
         }
         return 0;
       };
     }});

}  // namespace

}  // namespace lcngeom::cli
