/// The files from `Resources/` that ship inside the binary, so an installed copy never looks for them on disk.
public enum BundledResources {
    /// The original sample live blog that `liveblog` opens when given no source.
    public static var sampleBlogText: String {
        String(decoding: PackageResources.sample_liveblog_txt, as: UTF8.self)
    }

    /// The commented default boilerplate rules.
    public static var boilerplateRulesText: String {
        String(decoding: PackageResources.boilerplate_rules_txt, as: UTF8.self)
    }

    /// The name shown for the bundled sample wherever a source path would be.
    public static let sampleSourceName = "(bundled sample)"
}
