#!/usr/bin/env python3
"""Finds dependency cycles between the folders of each Swift target under Sources/.

The compiler keeps targets acyclic, but not the folders inside one; this keeps the engine's folders
layered (Source -> Document -> Text -> ... -> Engine). A folder uses another when one of its files names
a type or free function declared at the top level of a file in the other. Comments and string literals are
ignored; members added by extensions are not seen, so the result is a lower bound. Exit status 1 on a cycle.

Usage: scripts/folder-cycles.py [--edges] [SOURCES_DIR]
"""
import os
import re
import sys

DECLARATION = re.compile(
    r'^(?:@\w+(?:\([^)\n]*\))?[ \t]+)*'
    r'(?:(?:public|package|internal|private|fileprivate|final|indirect|nonisolated|open)[ \t]+)*'
    r'(?:struct|class|enum|protocol|typealias|actor|func)[ \t]+([A-Za-z_]\w*)', re.M)
IDENTIFIER = re.compile(r'\b[A-Za-z_]\w*\b')


def code_only(text):
    """The source without comments and string literals (multi-line ones included)."""
    text = re.sub(r'/\*.*?\*/', ' ', text, flags=re.S)
    text = re.sub(r'"""(?:.|\n)*?"""', '""', text)
    text = re.sub(r'//[^\n]*', '', text)
    return re.sub(r'"(?:[^"\\\n]|\\.)*"', '""', text)


def folders_of(target_dir):
    """file path -> folder name (first component under the target; '.' for files at its top)."""
    result = {}
    for folder, _, names in os.walk(target_dir):
        for name in names:
            if name.endswith('.swift'):
                path = os.path.join(folder, name)
                parts = os.path.relpath(path, target_dir).split(os.sep)
                result[path] = parts[0] if len(parts) > 1 else '.'
    return result


def cycles(edges):
    """Strongly connected components with more than one folder (Tarjan)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in edges.get(node, {}):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def main():
    arguments = [a for a in sys.argv[1:] if a != '--edges']
    sources = arguments[0] if arguments else os.path.join(os.path.dirname(__file__), '..', 'Sources')
    failed = False
    for target in sorted(os.listdir(sources)):
        target_dir = os.path.join(sources, target)
        files = folders_of(target_dir)
        if len(set(files.values())) < 2:
            continue
        code = {path: code_only(open(path, encoding='utf-8').read()) for path in files}
        owner = {}
        for path, text in code.items():
            for match in DECLARATION.finditer(text):
                if not re.match(r'[^\n]*\b(?:private|fileprivate)\b', match.group(0)):
                    owner.setdefault(match.group(1), files[path])
        edges = {}
        for path, text in code.items():
            for name in set(IDENTIFIER.findall(text)):
                other = owner.get(name)
                if other and other != files[path]:
                    edges.setdefault(files[path], {}).setdefault(other, set()).add(name)
        if '--edges' in sys.argv:
            for folder in sorted(edges):
                for other in sorted(edges[folder]):
                    print(f'{target}: {folder} -> {other}: {", ".join(sorted(edges[folder][other]))}')
        for component in cycles(edges):
            failed = True
            print(f'{target}: cycle between {", ".join(component)}')
            for folder in component:
                for other in component:
                    if other in edges.get(folder, {}):
                        print(f'    {folder} -> {other}: {", ".join(sorted(edges[folder][other]))}')
    if not failed:
        print('no folder cycles')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
