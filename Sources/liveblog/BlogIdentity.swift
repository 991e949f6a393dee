import LiveBlogCore
import LiveBlogStore

/// Which stored blog a blog is, so that marks follow the entries and not the file name: its canonical address
/// where the page gives one, else the name it was read under (path, address, standard input and title), else
/// the entries it shares with a blog read before (a copy, a re-saved page, a renamed title).
struct BlogIdentity {
    /// `url:` and the page's canonical address, when it has one.
    var canonical: String?
    /// The identity used before canonical addresses: the file's real path, `url:` and the address, `stdin:` and
    /// the title; kept so that marks stored under it are found.
    var name: String
    /// The blog's entry ids, to recognise it under another name.
    var entries: [EntryID]

    /// The identity a blog seen for the first time is stored under.
    var primary: String { canonical ?? name }

    /// The stored blog this is, if any: by canonical address, by name, then by shared entries.
    func find(in store: any ReadMarkStore) throws -> StoredBlog? {
        if let canonical, let found = try store.blog(identity: canonical) { return found }
        if let found = try store.blog(identity: name) { return found }
        return try store.blog(sharingEntries: entries)
    }

    /// Finds the blog (or registers it under `primary`) and records the opening; returns its key.
    func register(in store: any ReadMarkStore, title: String) throws -> BlogKey {
        let identity = try find(in: store)?.identity ?? primary
        return try store.registerBlog(identity: identity, title: title)
    }
}
