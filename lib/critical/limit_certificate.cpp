// Placeholder until the certified classification of issue 10 (item 3b)
// lands: every limit is reported as not certified.
#include "lcngeom/limit_certificate.hpp"

#include "lcngeom/error.hpp"

namespace lcngeom {

struct LimitCertifier::Impl {
  Architecture arch;
};

LimitCertifier::LimitCertifier(const Architecture& arch, const BinaryForm&, const InnerProduct&,
                               const LimitCertificateOptions&)
    : impl_(std::make_unique<Impl>(Impl{arch})) {}
LimitCertifier::~LimitCertifier() = default;
LimitCertifier::LimitCertifier(LimitCertifier&&) noexcept = default;
LimitCertifier& LimitCertifier::operator=(LimitCertifier&&) noexcept = default;

CertifiedLimit LimitCertifier::certify(const Filters&) const {
  CertifiedLimit out;
  out.reason = "not implemented";
  return out;
}

}  // namespace lcngeom
