"""licenses.text.front_matter: the metadata block atop a license file is not license text."""

from licenses.text.front_matter import split_front_matter

LICENSE = "Sample License\n\n1. Grant. You may copy.\n\n2. No warranty.\n"
BLOCK = (
    "---\n"
    "title: Sample License 1.0\n"
    "spdx-id: SL-1.0\n"
    "description: A short license. It says: copy freely.\n"
    "\n"
    "permissions:\n"
    "  - commercial-use\n"
    "  - modifications\n"
    "using:\n"
    "  Example: https://example.org/LICENSE\n"
    "# a comment\n"
    "---\n\n"
)


def test_the_block_goes_and_its_scalar_fields_are_read():
    body, fields = split_front_matter(BLOCK + LICENSE)
    assert body == LICENSE
    assert fields == {
        "title": "Sample License 1.0",
        "spdx-id": "SL-1.0",
        "description": "A short license. It says: copy freely.",
    }


def test_a_byte_order_mark_and_windows_line_ends_are_read_too():
    text = "\ufeff" + (BLOCK + LICENSE).replace("\n", "\r\n")
    body, fields = split_front_matter(text)
    assert body.startswith("Sample License") and fields["spdx-id"] == "SL-1.0"


def test_a_text_without_the_block_is_left_alone():
    assert split_front_matter(LICENSE) is None
    # a Markdown rule, then prose, then another rule: not metadata
    md = "---\nThis License applies to: the Software.\nYou may copy it.\n---\n\n" + LICENSE
    assert split_front_matter(md) is None
    # a rule with nothing but the license under it, never closed
    assert split_front_matter("---\n" + LICENSE) is None
