// Practice-lead networks on PostgreSQL (postgres.hpp, migration 0008): the
// shared mapping board's reads and writes. Row-level security decides who
// sees and who removes; the triggers NOTIFY each open board of a change.
#include "pg_internal.hpp"
#include "network_board.hpp"

namespace sofs::progress {

Id PgStore::create_network(const std::string& cohort, const std::string& title, const std::string& scenario) {
    if (trimmed(title).empty()) throw StoreError(K::Invalid, "a network board needs a title");
    if (title.size() > 200) throw StoreError(K::Invalid, "a network board's title has at most 200 characters");
    return impl_->exec("SELECT sofs_create_network($1, $2, $3)", {cohort, trimmed(title), scenario},
                       "make the network board")
        .i64(0, 0);
}

static const char* kNetworkColumns =
    "w.id, w.title, w.scenario, COALESCE(c.name, ''), w.lead = sofs_me(), sofs_network_may_remove(w.id) "
    "FROM networks w LEFT JOIN cohorts c ON c.id = w.cohort ";

static PgStore::NetworkInfo read_network(const Result& r, int i) {
    return {r.i64(i, 0), r.text(i, 1), r.text(i, 2), r.text(i, 3), r.boolean(i, 4), r.boolean(i, 5)};
}

std::vector<PgStore::NetworkInfo> PgStore::networks() {
    Result r = impl_->exec(std::string("SELECT ") + kNetworkColumns + "ORDER BY w.id DESC", {}, "read the network boards");
    std::vector<NetworkInfo> out;
    for (int i = 0; i < r.rows(); ++i) out.push_back(read_network(r, i));
    return out;
}

std::optional<PgStore::NetworkBoard> PgStore::network_board(Id network) {
    // One snapshot: the board, its items and its scales as of one moment.
    Tx tx(*impl_);
    impl_->exec("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY", {}, "read the network board");
    Result w = impl_->exec(std::string("SELECT ") + kNetworkColumns + "WHERE w.id = $1", {s(network)},
                           "read the network board");
    if (w.rows() == 0) return std::nullopt;
    NetworkBoard b;
    b.info = read_network(w, 0);
    Result items = impl_->exec("SELECT id, kind, text, source, added_ms FROM network_items WHERE network = $1 ORDER BY id",
                               {s(network)}, "read the network board");
    for (int i = 0; i < items.rows(); ++i)
        b.items.push_back({items.i64(i, 0), items.text(i, 1), items.text(i, 2), items.text(i, 3), items.i64(i, 4)});
    Result scales = impl_->exec(
        "SELECT perspective, number, reason, at_ms FROM network_scales WHERE network = $1 ORDER BY lower(perspective)",
        {s(network)}, "read the network board");
    for (int i = 0; i < scales.rows(); ++i)
        b.scales.push_back({scales.text(i, 0), static_cast<int>(scales.i64(i, 1)), scales.text(i, 2), scales.i64(i, 3)});
    tx.commit();
    return b;
}

Id PgStore::add_network_item(Id network, const std::string& kind, const std::string& text, const std::string& source) {
    if (!network::known_kind(kind))
        throw StoreError(K::Invalid, "'" + kind + "' is not a place on the board (" + network::kinds_list() + ")");
    std::string t = trimmed(text);
    if (t.empty()) throw StoreError(K::Invalid, "an item on the board needs some words");
    if (t.size() > 2000) throw StoreError(K::Invalid, "an item on the board has at most 2000 characters");
    if (!network_board(network)) throw StoreError(K::Denied, "no network board " + s(network) + " that you are a member of");
    return impl_->exec(
               "INSERT INTO network_items(network, kind, text, source, author, added_ms) "
               "VALUES ($1, $2, $3, $4, sofs_me(), $5) RETURNING id",
               {s(network), kind, t, source, s(impl_->now())}, "add to the network board")
        .i64(0, 0);
}

bool PgStore::remove_network_item(Id network, Id item) {
    Result seen = impl_->exec("SELECT sofs_network_may_remove(network) FROM network_items WHERE id = $1 AND network = $2",
                              {s(item), s(network)}, "read the network board");
    if (seen.rows() == 0) return false;
    if (!seen.boolean(0, 0))
        throw StoreError(K::Denied, "only the board's practice lead or a trainer may remove things from it");
    return impl_->exec("DELETE FROM network_items WHERE id = $1 AND network = $2", {s(item), s(network)},
                       "remove from the network board")
               .changed() > 0;
}

void PgStore::scale_network(Id network, const std::string& perspective, int number, const std::string& reason) {
    std::string who = trimmed(perspective);
    if (who.empty()) throw StoreError(K::Invalid, "say whose perspective the number is (the worker, a parent, the school...)");
    if (who.size() > 80) throw StoreError(K::Invalid, "a perspective's name has at most 80 characters");
    if (number < 0 || number > 10) throw StoreError(K::Invalid, "a safety scale number is 0 to 10, not " + std::to_string(number));
    if (reason.size() > 1000) throw StoreError(K::Invalid, "a reason has at most 1000 characters");
    if (!network_board(network)) throw StoreError(K::Denied, "no network board " + s(network) + " that you are a member of");
    impl_->exec(
        "INSERT INTO network_scales(network, perspective, number, reason, author, at_ms) "
        "VALUES ($1, $2, $3, $4, sofs_me(), $5) "
        "ON CONFLICT (network, lower(btrim(perspective))) DO UPDATE "
        "SET perspective = excluded.perspective, number = excluded.number, reason = excluded.reason, "
        "author = excluded.author, at_ms = excluded.at_ms",
        {s(network), who, std::to_string(number), trimmed(reason), s(impl_->now())}, "scale on the network board");
}

bool PgStore::remove_network_scale(Id network, const std::string& perspective) {
    Result r = impl_->exec("SELECT sofs_network_may_remove($1)", {s(network)}, "read the network board");
    if (!r.boolean(0, 0)) throw StoreError(K::Denied, "only the board's practice lead or a trainer may remove things from it");
    return impl_->exec("DELETE FROM network_scales WHERE network = $1 AND lower(btrim(perspective)) = lower(btrim($2))",
                       {s(network), perspective}, "remove from the network board")
               .changed() > 0;
}

void PgStore::listen_network(Id network) {
    impl_->script("LISTEN sofs_network_" + s(network), "listen to the network board");
}

}  // namespace sofs::progress
