#include "checkpoint.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "lcngeom/error.hpp"

namespace lcngeom::mpi {

namespace {

nlohmann::json header(const std::string& command, const nlohmann::json& arguments, std::size_t units) {
  return {{"lcngeom_mpi_checkpoint", 1}, {"command", command}, {"arguments", arguments}, {"units", units}};
}

// Results are bytes; JSON strings must be UTF-8.  Each byte is stored as the
// code point of the same value (ASCII unchanged), so any result round-trips.
std::string to_utf8(const std::string& bytes) {
  std::string s;
  s.reserve(bytes.size());
  for (unsigned char c : bytes) {
    if (c < 0x80) {
      s += static_cast<char>(c);
    } else {
      s += static_cast<char>(0xC0 | (c >> 6));
      s += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return s;
}

std::string from_utf8(const std::string& s, const std::string& path) {
  std::string bytes;
  bytes.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      bytes += static_cast<char>(c);
    } else if ((c == 0xC2 || c == 0xC3) && i + 1 < s.size()) {
      bytes += static_cast<char>(((c & 0x03) << 6) | (static_cast<unsigned char>(s[++i]) & 0x3F));
    } else {
      throw invalid_argument("checkpoint '" + path + "': a result holds a character above U+00FF");
    }
  }
  return bytes;
}

[[noreturn]] void io_error(const std::string& what, const std::string& path) {
  throw invalid_argument("checkpoint '" + path + "': " + what + ": " + std::strerror(errno));
}

}  // namespace

Checkpoint::Checkpoint(const std::string& path, const std::string& command, const nlohmann::json& arguments,
                       std::size_t units, bool resume, std::map<std::size_t, std::string>& done)
    : path_(path) {
  const nlohmann::json want = header(command, arguments, units);
  std::string text;
  bool exists = false;
  {
    std::ifstream in(path, std::ios::binary);
    if (in) {
      exists = true;
      std::ostringstream ss;
      ss << in.rdbuf();
      text = ss.str();
    }
  }
  if (exists && !text.empty() && !resume)
    throw invalid_argument("checkpoint '" + path +
                           "' exists: pass --resume to continue it, or remove it to start again");
  std::size_t good = 0;  // bytes of complete, well-formed lines
  if (!text.empty()) {
    std::size_t pos = 0;
    bool first = true;
    while (pos < text.size()) {
      const std::size_t nl = text.find('\n', pos);
      if (nl == std::string::npos) break;  // a torn last line
      nlohmann::json j = nlohmann::json::parse(text.begin() + static_cast<std::ptrdiff_t>(pos),
                                               text.begin() + static_cast<std::ptrdiff_t>(nl), nullptr, false);
      if (first) {
        if (j.is_discarded() || !j.is_object() || !j.contains("lcngeom_mpi_checkpoint"))
          throw invalid_argument("checkpoint '" + path + "' is not an lcngeom-mpi checkpoint (first line)");
        if (j != want)
          throw invalid_argument("checkpoint '" + path + "' was written for another job: " + j.dump() +
                                 "; this run is " + want.dump() + " (rerun with its arguments, or remove it)");
        first = false;
      } else {
        if (j.is_discarded() || !j.is_object() || !j.contains("unit") || !j.contains("result")) {
          // Only the last line can be torn by a kill; anything else is damage.
          if (nl + 1 < text.size())
            throw invalid_argument("checkpoint '" + path + "' is damaged at byte " + std::to_string(pos));
          break;
        }
        const std::size_t unit = j["unit"].get<std::size_t>();
        if (unit >= units)
          throw invalid_argument("checkpoint '" + path + "' names unit " + std::to_string(unit) + " of " +
                                 std::to_string(units));
        done[unit] = from_utf8(j["result"].get<std::string>(), path);
      }
      pos = nl + 1;
      good = pos;
    }
  }
  if (good > 0) {
    if (good < text.size() && ::truncate(path.c_str(), static_cast<off_t>(good)) != 0)
      io_error("cannot drop its torn last line", path);
    file_ = std::fopen(path.c_str(), "ab");
    if (!file_) io_error("cannot open for appending", path);
  } else {
    file_ = std::fopen(path.c_str(), "wb");
    if (!file_) io_error("cannot create", path);
    const std::string line = want.dump() + '\n';
    if (std::fwrite(line.data(), 1, line.size(), file_) != line.size() || std::fflush(file_) != 0)
      io_error("cannot write", path);
  }
}

Checkpoint::~Checkpoint() {
  if (file_) std::fclose(file_);
}

void Checkpoint::append(std::size_t unit, const std::string& result) {
  const std::string line = nlohmann::json{{"unit", unit}, {"result", to_utf8(result)}}.dump() + '\n';
  if (std::fwrite(line.data(), 1, line.size(), file_) != line.size() || std::fflush(file_) != 0)
    io_error("cannot append", path_);
}

}  // namespace lcngeom::mpi
