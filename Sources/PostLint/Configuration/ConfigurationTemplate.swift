/// The `.postlint.yml` that `postlint init` writes: every key, with an example or commented out, and a
/// line on what it means, so a school can configure PostLint without opening the documentation.
/// It loads without errors as written, and the keys that have defaults are written from the
/// defaults themselves, so the starter never contradicts them (tests hold it to both).
package enum ConfigurationTemplate {
    private static let defaults = Configuration()

    package static let starter = """
        # PostLint configuration. PostLint uses the nearest .postlint.yml above each file it checks.
        # Full reference: docs/configuration.md

        # The school's own details. These may be published, so PostLint does not flag them.
        school:
          name: Beechwood Primary School
          # Other names the school goes by; like its name, they are never a pupil.
          aliases: []
          # Classes, houses, teams and clubs; the roster's registration-group column adds to these.
          # A pupil who shares one of these names is flagged alone only when a child is plainly meant.
          groups: []
          # groups: [Oak, Willow, Kingfishers, Columba House]
          # Official web and email domains; subdomains are included.
          domains: [beechwood.example.sch.uk]
          # Official phone numbers that may be published (compared by their digits).
          phones: ["01625 000000"]
          # Official addresses that may be published.
          addresses: ["Beechwood Avenue, Macclesfield SK10 9ZZ"]
          # An <img> whose src or alt contains one of these is the school's logo; in a Word draft, a
          # picture whose name or Alt Text contains one.
          logo: [\(defaults.school.logo.joined(separator: ", "))]
          # Formats whose drafts must show the logo themselves (Markdown and text posts usually get
          # it from the site template).
          logo-formats: [\(defaults.school.logoFormats.map(\.rawValue).joined(separator: ", "))]

        # Pupil lists exported from the MIS (CSV), relative to this file. Names in them are flagged
        # in posts. Uncomment and point at your export:
        # roster: [pupils.csv]
        # In a repository others can read, seal the export instead (`postlint roster seal pupils.csv
        # --output pupils.sealed`), commit pupils.sealed, and give the key here or in POSTLINT_ROSTER_KEY:
        # roster: [pupils.sealed]
        # roster-key-file: ~/.config/postlint/roster.key
        # Consent columns are read when the export has them ("Photo consent", "Website consent"…); if its
        # headers or values differ, list them (a pupil without consent is then an error wherever named):
        # roster-consent: { columns: [Photo consent], yes: [Y, Yes, True, 1], no: [N, No, False, 0] }
        # What the fix writes instead of a pupil's full name: forename (the default) or text such as "a pupil".
        # pupils: { replacement: forename }

        # What may be cited or linked without asking.
        sources:
          domains: [gov.uk]
          names: [Department for Education]

        # Job titles beyond the built-in list, so staff can be named by role.
        positions: []
        # positions: [Forest School Lead, Wellbeing Champion]

        # Staff names: a forename a member of staff shares with a pupil is not taken for the pupil.
        staff: []
        # staff: [Mrs Sarah Booth, Mr Imran Shah]

        # Rule levels: error, warning, note or off. Rules not listed keep their default level.
        rules: {}
        #   personal-opinion: warning

        # Different levels for some files; globs are relative to this file, later entries win.
        overrides: []
        #  - files: ["social/**"]
        #    rules: { missing-logo: off }

        # Files and folders not to check, as globs relative to this file. Quote globs that start with *.
        ignore: ["archive/**"]

        # Rule files of your own (phrase and pattern rules, extra job titles), in the shape of PostLint's
        # Rules/ folder: files or folders of .yml files, relative to this file. See docs/rules-path.md.
        # rules-path: [postlint-rules]

        # Your own policy's clause for a rule, cited in its findings instead of the built-in wording.
        policy: {}
        #   missing-logo:
        #     section: "8"
        #     heading: Content of Webspace
        #     text: Our hosted sites must always include the school logo or brand.

        """
}
