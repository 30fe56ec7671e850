/// The staff page (`Page/index.html` with its `page.css` and `page.js`) and the OpenAPI document
/// (`docs/openapi.yaml`), compiled into
/// the binary by the EmbedFiles build plugin (which adds `files`), so `postlint serve` needs no
/// resource bundle beside it.
enum EmbeddedServerFiles {
    static let page = text(named: "index.html")
    static let pageStyle = text(named: "page.css")
    static let pageScript = text(named: "page.js")
    static let openAPI = text(named: "openapi.yaml")

    private static func text(named name: String) -> String {
        guard let file = files.first(where: { $0.name == name }) else {
            preconditionFailure("\(name) is not embedded; see Plugins/EmbedFiles")
        }
        return file.text
    }
}
