// The parts of the progress store a classroom shares, as small interfaces
// both engines implement: people (accounts), attempts and their events, and
// the xAPI outbox. SQLite through the existing progress::Store (adapter
// below), PostgreSQL through PgStore (postgres.hpp). The store's test suite
// for these runs against both.
//
// Contracts are progress::Store's (store.hpp): every write is committed
// before the call returns; events are append-only; errors are StoreError.
// These will give way to the progress store's own interfaces when they land
// (issue 9); the signatures follow Store's so that move is a rename.
#pragma once

#include "progress/store.hpp"

namespace sofs::progress {

class Accounts {
public:
    virtual ~Accounts() = default;
    // On PostgreSQL a person is also a login role and needs a password.
    virtual Person add_person(const Actor& who, const std::string& name, Role role, const std::string& team,
                              bool agency, const std::optional<std::string>& password) = 0;
    virtual std::optional<Person> find_person(const std::string& name) = 0;
};

class AttemptRecords {
public:
    virtual ~AttemptRecords() = default;
    virtual std::optional<Attempt> open_attempt(Id person, const std::string& scenario) = 0;
    virtual Attempt begin_attempt(Id person, const Transcript& header, const ScenarioFacts& facts,
                                  const std::string& why_fresh = "a fresh start was chosen") = 0;
    virtual void record_event(Id attempt, const Event& e, const std::string& content_hash = "") = 0;
    virtual void finish_attempt(Id attempt, const std::string& ending, const std::vector<NewVerdict>& verdicts) = 0;
    virtual Transcript transcript(Id attempt) = 0;
};

class OutboxRecords {
public:
    virtual ~OutboxRecords() = default;
    virtual std::vector<Store::OutboxStatement> unsent_statements(int limit = 100) = 0;
    virtual void mark_sent(const std::string& statement_id) = 0;
    virtual void mark_send_failed(const std::string& statement_id, const std::string& error) = 0;
};

// All three over one SQLite progress::Store.
class SqliteRecords : public Accounts, public AttemptRecords, public OutboxRecords {
public:
    explicit SqliteRecords(Store& s) : s_(s) {}
    Person add_person(const Actor& who, const std::string& name, Role role, const std::string& team, bool agency,
                      const std::optional<std::string>& password) override {
        return s_.add_person(who, name, role, team, agency, password);
    }
    std::optional<Person> find_person(const std::string& name) override { return s_.find_person(name); }
    std::optional<Attempt> open_attempt(Id person, const std::string& scenario) override {
        return s_.open_attempt(person, scenario);
    }
    Attempt begin_attempt(Id person, const Transcript& header, const ScenarioFacts& facts,
                          const std::string& why_fresh) override {
        return s_.begin_attempt(person, header, facts, why_fresh);
    }
    void record_event(Id attempt, const Event& e, const std::string& content_hash) override {
        s_.record_event(attempt, e, content_hash);
    }
    void finish_attempt(Id attempt, const std::string& ending, const std::vector<NewVerdict>& verdicts) override {
        s_.finish_attempt(attempt, ending, verdicts);
    }
    Transcript transcript(Id attempt) override { return s_.transcript(attempt); }
    std::vector<Store::OutboxStatement> unsent_statements(int limit) override { return s_.unsent_statements(limit); }
    void mark_sent(const std::string& id) override { s_.mark_sent(id); }
    void mark_send_failed(const std::string& id, const std::string& error) override { s_.mark_send_failed(id, error); }

private:
    Store& s_;
};

}  // namespace sofs::progress
