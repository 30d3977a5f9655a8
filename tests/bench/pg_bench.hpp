// What the two classroom benchmarks (bench_classroom, bench_course_load)
// share: a scratch database on the test cluster (SOFS_TEST_POSTGRES), its
// address as a given login role, and the timing figures they print.
#pragma once

#include <libpq-fe.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

namespace pg_bench {

using Clock = std::chrono::steady_clock;

// Runs one statement as the cluster's administrator; any failure ends the program.
inline void admin_exec(const char* program, const std::string& uri, const std::string& sql) {
    PGconn* c = PQconnectdb(uri.c_str());
    PGresult* r = PQexec(c, sql.c_str());
    if (PQresultStatus(r) != PGRES_COMMAND_OK && PQresultStatus(r) != PGRES_TUPLES_OK) {
        std::fprintf(stderr, "%s: %s: %s", program, sql.c_str(), PQerrorMessage(c));
        std::exit(1);
    }
    PQclear(r);
    PQfinish(c);
}

// A database made for one run, under a random name beginning with `prefix`.
struct ScratchDb {
    const char* program = "";
    std::string admin_uri;   // the cluster's administrator, database "postgres"
    std::string host_port;
    std::string name;
    std::string uri;         // the scratch database, as the administrator

    ScratchDb(const char* prog, const std::string& admin, const std::string& prefix) : program(prog), admin_uri(admin) {
        host_port = admin.substr(admin.find('@') + 1, admin.rfind('/') - admin.find('@') - 1);
        std::random_device rd;
        name = prefix + std::to_string(rd() % 100000000);
        admin_exec(program, admin_uri, "CREATE DATABASE " + name);
        uri = admin.substr(0, admin.rfind('/') + 1) + name;
    }
    // The scratch database as `role` (with its password, when given).
    std::string as(const std::string& role, const std::string& password = "") const {
        return "postgresql://" + role + (password.empty() ? "" : ":" + password) + "@" + host_port + "/" + name;
    }
    // Drops the database and the login roles the run made.
    void drop(const std::vector<std::string>& roles) const {
        admin_exec(program, admin_uri, "DROP DATABASE " + name + " WITH (FORCE)");
        for (const auto& role : roles) admin_exec(program, admin_uri, "DROP ROLE \"" + role + "\"");
    }
};

inline double ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

inline double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size())))];
}

}  // namespace pg_bench
