/// The default rule pack from the top-level `Rules/` folder, compiled into the library by the
/// EmbedFiles build plugin (which adds `lists` and `trees`).
package enum EmbeddedRulePack {}
