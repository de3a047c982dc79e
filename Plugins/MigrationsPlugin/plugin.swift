import Foundation
import PackagePlugin

/// Compiles the package's `Migrations/*.sql` into a Swift source file of the
/// target that uses it. The folder and every file in it are declared as
/// inputs, so added and edited scripts rebuild; after deleting one, run
/// `touch Package.swift` so SwiftPM plans the build again.
@main
struct MigrationsPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let directory = context.package.directoryURL.appending(path: "Migrations")
        let scripts = try FileManager.default
            .contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "sql" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedMigrations.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(scripts.count) migrations",
                executable: try context.tool(named: "EmbedMigrations").url,
                arguments: [directory.path, output.path],
                inputFiles: [directory] + scripts,
                outputFiles: [output]
            )
        ]
    }
}
