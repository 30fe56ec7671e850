/// The default rule pack from the top-level `Rules/` folder, compiled into the library by the
/// EmbedRules build plugin (which adds `files`).
public enum EmbeddedRulePack {}
