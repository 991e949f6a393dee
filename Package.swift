// swift-tools-version: 6.1
import Foundation
import PackageDescription

let package = Package(
    name: "liveblog",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "liveblog", targets: ["liveblog"]),
        .library(name: "LiveBlogCore", targets: ["LiveBlogCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        .target(
            name: "LiveBlogCore",
            resources: [
                // Embedded so that an installed binary never depends on the build folder.
                .embedInCode("../../Resources/sample-liveblog.txt"),
                .embedInCode("../../Resources/boilerplate-rules.txt"),
            ],
            // The parser and index are byte loops over local buffers; runtime exclusivity checks cost ~10 % there.
            swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]
        ),
        .target(
            name: "LiveBlogStore",
            dependencies: [
                "LiveBlogCore",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .systemLibrary(name: "CNcursesw", providers: [.apt(["libncurses-dev"])]),
        .target(name: "LiveBlogTUI", dependencies: ["LiveBlogCore"]),
        .executableTarget(
            name: "liveblog",
            dependencies: [
                "LiveBlogCore", "LiveBlogStore", "LiveBlogTUI", "CNcursesw",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "liveblog-bench", dependencies: ["LiveBlogCore", "LiveBlogTUI", "LiveBlogStore"]),
        .testTarget(name: "LiveBlogCoreTests", dependencies: ["LiveBlogCore"], exclude: ["Fixtures"]),
        .testTarget(name: "LiveBlogStoreTests", dependencies: ["LiveBlogStore", "LiveBlogCore"]),
        .testTarget(name: "LiveBlogTUITests", dependencies: ["LiveBlogTUI", "LiveBlogCore"]),
        .testTarget(name: "LiveblogCLITests", dependencies: ["liveblog", "LiveBlogCore"]),
        .testTarget(name: "LiveblogE2ETests", dependencies: ["liveblog"]),
    ]
)

// libFuzzer targets: they have no `main` (libFuzzer brings it), so they exist only when asked for:
// `LIVEBLOG_FUZZ=1 swift build --sanitize=fuzzer --sanitize=address --product FuzzParser` (see Fuzz/run.sh).
// swiftc keeps only the last `-sanitize=` it is given, so SwiftPM's two flags leave the code without coverage
// instrumentation and the fuzzer blind; the combined flag, added after them, restores both.
if ProcessInfo.processInfo.environment["LIVEBLOG_FUZZ"] != nil {
    let both = SwiftSetting.unsafeFlags(["-sanitize=fuzzer,address"])
    for target in package.targets where target.name == "LiveBlogCore" {
        target.swiftSettings = (target.swiftSettings ?? []) + [both]
    }
    for name in ["FuzzParser", "FuzzQuery"] {
        package.targets.append(.executableTarget(
            name: name, dependencies: ["LiveBlogCore"], swiftSettings: [.unsafeFlags(["-parse-as-library"]), both]))
    }
}
