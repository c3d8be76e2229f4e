"""What the Numbers page's first load carries: the main wasm module of a split build, as
wasm-split wrote it (before wasm-bindgen and wasm-opt, so function names are still there).

Usage: python3 .ci/wasm_top.py target/front/wasm32-unknown-unknown/wasm-release/frontend_split.wasm

Prints the module's code bytes by crate, by the module of ours a function is for (the first
`app::…` path in its demangled name: `postcard`'s reader of `NumbersPage` counts for
`domain::numbers_page`), then its biggest functions. Names are demangled by binutils' c++filt
(Rust v0 symbols, which .cargo/config.toml asks for in wasm builds so names keep their generic
arguments). wasm-bindgen's `__wbindgen_describe*` functions are left out: it removes them.
Sizes are before wasm-opt (whose output is about 70 % of them); the ranking is what to read.
"""

import collections
import re
import subprocess
import sys

SECTION_IMPORT, SECTION_CODE, SECTION_CUSTOM = 2, 10, 0
# i32, i64, f32, f64, v128: what rustc's imported globals can be.
NUMBER_TYPES = {0x7F, 0x7E, 0x7D, 0x7C, 0x7B}


def leb128(data, at):
    """An unsigned LEB128 number at `at`: (value, offset after it)."""
    value = shift = 0
    while True:
        byte = data[at]
        at += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, at


def skip_limits(data, at):
    """Past a table's or memory's limits: flags, minimum, maximum when flag 1 says so."""
    flags, at = leb128(data, at)
    if flags & ~0x07:
        sys.exit(f"limits with flags {flags:#x} this reader does not know")
    _, at = leb128(data, at)
    if flags & 1:
        _, at = leb128(data, at)
    return at


def functions(path):
    """(code bytes, mangled name) of every function defined in the module at `path`."""
    data = open(path, "rb").read()
    if data[:4] != b"\0asm":
        sys.exit(f"{path} is not a wasm module")
    at, imported, sizes, names = 8, 0, [], {}
    while at < len(data):
        section = data[at]
        size, at = leb128(data, at + 1)
        body, end = at, at + size
        if section == SECTION_IMPORT:
            count, at = leb128(data, body)
            for _ in range(count):
                for _ in range(2):  # module and field names
                    length, at = leb128(data, at)
                    at += length
                kind = data[at]
                at += 1
                if kind == 0:  # a function: its type index
                    imported += 1
                    _, at = leb128(data, at)
                elif kind == 1:  # a table: element type, limits
                    at = skip_limits(data, at + 1)
                elif kind == 2:  # a memory: limits
                    at = skip_limits(data, at)
                elif kind == 3 and data[at] in NUMBER_TYPES:  # a global: value type, mutability
                    at += 2
                else:
                    sys.exit(f"{path}: an import this reader does not know (kind {kind})")
        elif section == SECTION_CODE:
            count, at = leb128(data, body)
            for _ in range(count):
                length, at = leb128(data, at)
                sizes.append(length)
                at += length
        elif section == SECTION_CUSTOM:
            length, at = leb128(data, body)
            if data[at : at + length] == b"name":
                at += length
                while at < end:
                    kind = data[at]
                    length, at = leb128(data, at + 1)
                    if kind == 1:  # function names
                        count, sub = leb128(data, at)
                        for _ in range(count):
                            index, sub = leb128(data, sub)
                            length_, sub = leb128(data, sub)
                            names[index] = data[sub : sub + length_].decode("utf-8", "replace")
                            sub += length_
                    at += length
        at = end
    return [
        (size, names.get(imported + i, f"function[{imported + i}]")) for i, size in enumerate(sizes)
    ]


def demangled(mangled):
    """The names demangled by binutils' c++filt (which comes with gcc), crate disambiguators
    (`core[c593…]`) dropped."""
    try:
        out = subprocess.run(
            ["c++filt"], input="\n".join(mangled), capture_output=True, text=True, check=True
        ).stdout.splitlines()
    except FileNotFoundError:
        sys.exit("c++filt (binutils) is missing: it demangles the function names")
    if len(out) != len(mangled):
        sys.exit(f"c++filt gave {len(out)} names for {len(mangled)}")
    return [re.sub(r"\[[0-9a-f]{8,}\]", "", name) for name in out]


def show(title, counter, total, rows=15):
    print(f"==> {title}")
    total = total or 1
    for key, size in counter.most_common(rows):
        print(f"{size:>10}  {100 * size / total:5.1f} %  {key}")


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    found = functions(sys.argv[1])
    names = demangled([name for _, name in found])
    rows = [(size, name) for (size, _), name in zip(found, names) if "wbindgen_describe" not in name]
    total = sum(size for size, _ in rows)
    print(f"==> the first load's wasm module: {len(rows)} functions, {total} code bytes before wasm-opt")
    by_crate, by_ours = collections.Counter(), collections.Counter()
    for size, name in rows:
        crate = re.match(r"^(?:[<&]|mut |dyn |_ as )*([A-Za-z_][A-Za-z0-9_]*)", name)
        by_crate[crate.group(1) if crate else name[:40]] += size
        ours = re.search(r"\bapp::([a-z0-9_]+(?:::[a-z0-9_]+)?)", name)
        by_ours[ours.group(1) if ours else "(no module of ours)"] += size
    show("by crate (of the function; its generic arguments may be ours)", by_crate, total)
    show("by the module of ours it is for (the first app::… in its name)", by_ours, total, 20)
    print("==> the 20 biggest functions")
    for size, name in sorted(rows, reverse=True)[:20]:
        print(f"{size:>10}  {name[:160]}")


if __name__ == "__main__":
    main()
