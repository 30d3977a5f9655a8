// What both stores do the same way; see store_shared.hpp.
#include "store_shared.hpp"

#include <nlohmann/json.hpp>

namespace sofs::progress {

std::string placements_to_json(const std::map<std::string, std::string>& placements) {
    return nlohmann::json(placements).dump();
}

std::map<std::string, std::string> placements_from_json(const std::string& stored) {
    std::map<std::string, std::string> out;
    nlohmann::json j = nlohmann::json::parse(stored, nullptr, false);
    if (j.is_object())
        for (auto& [k, v] : j.items())
            if (v.is_string()) out[k] = v.get<std::string>();
    return out;
}

std::vector<Id> people_for_cohort(Accounts& accounts, const std::vector<std::string>& names, const std::string& where,
                                  const std::string& cohort) {
    std::vector<Id> ids;
    std::string unknown;
    for (const auto& name : names) {
        if (auto p = accounts.find_person(name)) ids.push_back(p->id);
        else unknown += (unknown.empty() ? "'" : ", '") + name + "'";
    }
    if (!unknown.empty())
        throw StoreError(StoreError::Kind::NotFound, "there is no one called " + unknown + " in '" + where +
                                                         "' (add them first with sofs user add); no one was added to '" +
                                                         cohort + "'");
    return ids;
}

}  // namespace sofs::progress
