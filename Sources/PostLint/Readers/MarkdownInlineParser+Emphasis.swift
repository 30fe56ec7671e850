/// Emphasis: delimiter runs of `*` and `_` with CommonMark's flanking rules and "process emphasis"
/// matching (including the rule of three), so `Zo*ë*` is emphasis and `snake_case_name` is not.
extension MarkdownInlineParser {
    enum CharacterClass { case whitespace, punctuation, other }

    mutating func addDelimiter(_ byte: UInt8, start: Int, count: Int) {
        let before = start == 0 ? .whitespace : Self.classify(previousScalar(before: start))
        let after = start + count >= bytes.count ? .whitespace : Self.classify(scalar(at: start + count))
        let left = after != .whitespace && (after != .punctuation || before != .other)
        let right = before != .whitespace && (before != .punctuation || after != .other)
        let canOpen: Bool
        let canClose: Bool
        if byte == UInt8(ascii: "*") {
            canOpen = left
            canClose = right
        } else {
            canOpen = left && (!right || before == .punctuation)
            canClose = right && (!left || after == .punctuation)
        }
        delimiters.append(Delimiter(byte: byte, start: start, count: count, canOpen: canOpen, canClose: canClose))
        liveDelimiters.append(delimiters.count - 1)
        pieces.append(.delimiter(delimiters.count - 1))
    }

    /// Matches closers with openers from `bottom` up, then retires those delimiters.
    ///
    /// As in CommonMark's reference parsers, the delimiters still in play form a linked list: a match
    /// unlinks everything between opener and closer, and a used-up delimiter unlinks itself, so no
    /// delimiter is walked over twice; `openersBottom` remembers where a failed look-back stopped.
    mutating func processEmphasis(bottom: Int) {
        // From the end: every delimiter passed over is retired here, so the search costs nothing extra.
        let first = (liveDelimiters.lastIndex { $0 < bottom } ?? -1) + 1
        let live = Array(liveDelimiters[first...])
        liveDelimiters.removeSubrange(first...)
        // Positions in `live`; -1 and `live.count` are the ends of the list.
        var previous = Array(-1..<live.count - 1)
        var next = Array(1..<live.count + 1)
        func unlink(_ position: Int) {
            if previous[position] >= 0 { next[previous[position]] = next[position] }
            if next[position] < live.count { previous[next[position]] = previous[position] }
        }
        // Per (marker, closer can open, length mod 3): the position below which a look-back failed.
        var openersBottom: [Int: Int] = [:]
        var closerPosition = 0
        while closerPosition < live.count {
            let closerIndex = live[closerPosition]
            let closer = delimiters[closerIndex]
            guard closer.canClose, closer.remaining > 0 else {
                closerPosition = next[closerPosition]
                continue
            }
            var found: Int?
            let key = Int(closer.byte) << 3 | (closer.canOpen ? 4 : 0) | closer.count % 3
            let floor = openersBottom[key] ?? -1
            var candidate = previous[closerPosition]
            while candidate > floor {
                let opener = delimiters[live[candidate]]
                if opener.byte == closer.byte, opener.canOpen, opener.remaining > 0 {
                    let oddMatch = (opener.canClose || closer.canOpen) && (opener.count + closer.count) % 3 == 0
                        && !(opener.count % 3 == 0 && closer.count % 3 == 0)
                    if !oddMatch {
                        found = candidate
                        break
                    }
                }
                candidate = previous[candidate]
            }
            guard let openerPosition = found else {
                openersBottom[key] = previous[closerPosition]
                if !closer.canOpen { unlink(closerPosition) }
                closerPosition = next[closerPosition]
                continue
            }
            let openerIndex = live[openerPosition]
            let used = delimiters[openerIndex].remaining >= 2 && closer.remaining >= 2 ? 2 : 1
            if used == 1 { delimiters[openerIndex].markItalic(match: delimiters[openerIndex].opens) }
            delimiters[openerIndex].opened += used
            delimiters[openerIndex].opens += 1
            delimiters[closerIndex].closed += used
            delimiters[closerIndex].closes += 1
            // Delimiters between the two can no longer match anything.
            next[openerPosition] = closerPosition
            previous[closerPosition] = openerPosition
            if delimiters[openerIndex].remaining == 0 { unlink(openerPosition) }
            if delimiters[closerIndex].remaining == 0 {
                unlink(closerPosition)
                closerPosition = next[closerPosition]
            }
        }
    }

    private func scalar(at index: Int) -> UInt32 {
        let lead = bytes[index]
        if lead < 0x80 { return UInt32(lead) }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        var value = UInt32(lead) & (length == 4 ? 0x07 : length == 3 ? 0x0F : 0x1F)
        var offset = 1
        while offset < length, index + offset < bytes.count {
            value = value << 6 | UInt32(bytes[index + offset] & 0x3F)
            offset += 1
        }
        return value
    }

    private func previousScalar(before index: Int) -> UInt32 {
        var start = index - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return scalar(at: start)
    }

    /// Unicode white space and punctuation (P and S categories) as CommonMark uses them, by ranges.
    static func classify(_ scalar: UInt32) -> CharacterClass {
        switch scalar {
        case 0x09, 0x0A, 0x0C, 0x0D, 0x20, 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000:
            return .whitespace
        case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E:
            return .punctuation
        case 0xA1...0xA9, 0xAB, 0xAC, 0xAE...0xB1, 0xB4, 0xB6...0xB8, 0xBB, 0xBF, 0xD7, 0xF7,
             0x2010...0x2027, 0x2030...0x205E, 0x20A0...0x20CF, 0x2100...0x214F, 0x2190...0x23FF,
             0x2500...0x27BF, 0x2E00...0x2E7F, 0x3001...0x3003, 0xFE10...0xFE19, 0xFF01...0xFF0F,
             0x1F000...0x1FAFF:
            return .punctuation
        default:
            return .other
        }
    }
}
