import Hummingbird

/// Every route the server answers. The router is built from this list, a 405 names the methods a
/// path does allow from it, and a test holds it and `docs/openapi.yaml` to each other.
enum Endpoint: CaseIterable, Sendable {
    case page
    case pageStyle
    case pageScript
    case health
    case rules
    case openAPI
    case check

    var method: HTTPRequest.Method {
        self == .check ? .post : .get
    }

    var path: String {
        switch self {
        case .page: "/"
        case .pageStyle: "/page.css"
        case .pageScript: "/page.js"
        case .health: "/healthz"
        case .rules: "/api/v1/rules"
        case .openAPI: "/api/v1/openapi.yaml"
        case .check: "/api/v1/check"
        }
    }

    /// The methods some endpoint answers on `path`; empty for a path the server does not know.
    static func methods(for path: String) -> [HTTPRequest.Method] {
        allCases.filter { $0.path == path }.map(\.method)
    }
}
