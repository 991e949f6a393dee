// swift-tools-version: 6.1
import Foundation
import PackageDescription

let package = Package(
    name: "liveblog",
    products: [
        .executable(name: "liveblog", targets: ["liveblog"]),
        .library(name: "LiveBlogCore", targets: ["LiveBlogCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        // Only for the loopback server in LiveBlogHTTPTests; AsyncHTTPClient depends on it anyway.
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        .target(
            name: "LiveBlogCore",
            resources: [
                // Embedded so that an installed binary never depends on the build folder.
                .embedInCode("../../Resources/sample-liveblog.txt"),
                .embedInCode("../../Resources/boilerplate-rules.txt"),
            ]
        ),
        .target(
            name: "LiveBlogStore",
            dependencies: [
                "LiveBlogCore",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .systemLibrary(name: "CNcursesw", providers: [.apt(["libncurses-dev"])]),
        // libxml2's forgiving HTML parser; its headers include each other as <libxml/…>, hence the include path.
        .systemLibrary(name: "CLibXML2", providers: [.apt(["libxml2-dev"])]),
        .target(
            name: "LiveBlogHTML",
            dependencies: ["LiveBlogCore", "CLibXML2"],
            cSettings: [.unsafeFlags(["-I/usr/include/libxml2"])],
            // Node statistics are class properties read in tight walks; the runtime exclusivity checks cost ~5 % there.
            swiftSettings: [.unsafeFlags(["-Xcc", "-I/usr/include/libxml2"]),
                            .unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]
        ),
        .target(
            name: "LiveBlogHTTP",
            dependencies: [.product(name: "AsyncHTTPClient", package: "async-http-client")]
        ),
        .target(name: "LiveBlogTUI", dependencies: ["LiveBlogCore"]),
        .executableTarget(
            name: "liveblog",
            dependencies: [
                "LiveBlogCore", "LiveBlogStore", "LiveBlogTUI", "CNcursesw", "LiveBlogHTML", "LiveBlogHTTP",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: [.unsafeFlags(["-Xcc", "-I/usr/include/libxml2"])]
        ),
        .executableTarget(
            name: "liveblog-bench",
            dependencies: [
                "LiveBlogCore", "LiveBlogTUI", "LiveBlogStore", "LiveBlogHTML", "LiveBlogHTTP",
                // A loopback server for the follow benchmarks.
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: [.unsafeFlags(["-Xcc", "-I/usr/include/libxml2"])]
        ),
        // What several test targets share: temporary directories, the built binaries, seeded randomness, dumps.
        .target(name: "LiveBlogTestSupport", dependencies: ["LiveBlogCore"], path: "Tests/LiveBlogTestSupport"),
        .testTarget(name: "LiveBlogCoreTests", dependencies: ["LiveBlogCore", "LiveBlogTestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "LiveBlogStoreTests", dependencies: ["LiveBlogStore", "LiveBlogCore", "LiveBlogTestSupport"]),
        .testTarget(name: "LiveBlogTUITests", dependencies: ["LiveBlogTUI", "LiveBlogCore", "LiveBlogTestSupport"]),
        .testTarget(
            name: "LiveBlogHTMLTests", dependencies: ["LiveBlogHTML", "LiveBlogCore", "LiveBlogTestSupport"],
            swiftSettings: [.unsafeFlags(["-Xcc", "-I/usr/include/libxml2"])]
        ),
        .testTarget(
            name: "LiveBlogHTTPTests",
            dependencies: [
                "LiveBlogHTTP",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .testTarget(name: "LiveblogCLITests",
                    dependencies: ["liveblog", "LiveBlogCore", "LiveBlogTestSupport", .product(name: "GRDB", package: "GRDB.swift")],
                    swiftSettings: [.unsafeFlags(["-Xcc", "-I/usr/include/libxml2"])]),
        .testTarget(
            name: "LiveblogE2ETests",
            dependencies: [
                "liveblog", "LiveBlogTestSupport",
                // The scripted loopback server (shared with LiveBlogHTTPTests) serves the blogs that are followed.
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
    ]
)

// libFuzzer targets: they have no `main` (libFuzzer brings it), so they exist only when asked for:
// `LIVEBLOG_FUZZ=1 swift build --sanitize=fuzzer --sanitize=address` (see Tests/Fuzz/run.sh).
// swiftc keeps only the last `-sanitize=` it is given, so SwiftPM's two flags leave the code without coverage
// instrumentation and the fuzzer blind; the combined flag, added after them, restores both.
if ProcessInfo.processInfo.environment["LIVEBLOG_FUZZ"] != nil {
    let both = SwiftSetting.unsafeFlags(["-sanitize=fuzzer,address"])
    for target in package.targets where ["LiveBlogCore", "LiveBlogHTML", "LiveBlogTUI"].contains(target.name) {
        target.swiftSettings = (target.swiftSettings ?? []) + [both]
    }
    // FuzzWebAddress compiles LiveBlogHTTP's WebAddress.swift and FetchError.swift through symbolic links, so the
    // fuzz build needs no HTTP stack; FuzzConfig fuzzes the configuration parser in LiveBlogTUI.
    let fuzzTargets: [(String, [Target.Dependency])] = [
        ("FuzzParser", ["LiveBlogCore"]), ("FuzzQuery", ["LiveBlogCore"]),
        ("FuzzHTML", ["LiveBlogCore", "LiveBlogHTML"]), ("FuzzJSONLD", ["LiveBlogCore", "LiveBlogHTML"]),
        ("FuzzConfig", ["LiveBlogCore", "LiveBlogTUI"]), ("FuzzWebAddress", ["LiveBlogCore"]),
    ]
    let names = fuzzTargets.map(\.0)
    for (name, dependencies) in fuzzTargets {
        package.targets.append(.executableTarget(
            name: name, dependencies: dependencies,
            swiftSettings: [.unsafeFlags(["-parse-as-library", "-Xcc", "-I/usr/include/libxml2"]), both]))
    }
    // One `swift build` (no --product) makes every fuzz binary: the package keeps only the fuzz targets and the
    // targets they use, so nothing else (the app, the tests, NIO, GRDB) is built with the sanitizers.
    var used = Set(names)
    while true {
        var more = used
        for target in package.targets where used.contains(target.name) {
            for dependency in target.dependencies {
                switch dependency {
                case .targetItem(let name, _), .byNameItem(let name, _): more.insert(name)
                default: break
                }
            }
        }
        if more == used { break }
        used = more
    }
    package.targets.removeAll { !used.contains($0.name) }
    package.products = []
}
