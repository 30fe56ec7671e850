#!/usr/bin/env python3
"""Writes Samples/news/sports-day.docx: a small but realistic Word draft (a heading, paragraphs, a name
split across runs, a hyperlink, an image with alt text, a table, a header with the school crest and a
footer), built by hand from WordprocessingML so the sample is reproducible and reviewable.

usage: python3 Tests/Fixtures/docx/make-sample-docx.py [OUTPUT]   (default Samples/news/sports-day.docx)
"""
import sys
import zipfile

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' \
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ' \
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" ' \
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ' \
    'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"'
DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def run(text, bold=False):
    props = '<w:rPr><w:b/></w:rPr>' if bold else ''
    return f'<w:r>{props}<w:t xml:space="preserve">{text}</w:t></w:r>'


def para(*runs, style=None):
    props = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ''
    return f'<w:p>{props}{"".join(runs)}</w:p>'


def image(rid, ident, name, descr):
    return (f'<w:r><w:drawing><wp:inline><wp:extent cx="952500" cy="952500"/>'
            f'<wp:docPr id="{ident}" name="{name}" descr="{descr}"/>'
            f'<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
            f'<pic:pic><pic:blipFill><a:blip r:embed="{rid}"/></pic:blipFill></pic:pic>'
            f'</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>')


def cell(text):
    return f'<w:tc>{para(run(text))}</w:tc>'


BODY = "".join([
    para(run("Sports Day 2026"), style="Title"),
    para(run("Red House win the cup"), style="Heading1"),
    para(run("What a day! More than 200 families came to the field to cheer on every class.")),
    para(run("The 100 metres was won by Oli"), run("ver Whitfield"), run(" in Year 3, just ahead of Grace.")),
    para(image("rId10", 3, "Picture 3", "Children racing in the egg and spoon race")),
    para(run("In my opinion"), run(", this was the best sports day we have ever had.")),
    para(run("Photos are on the "),
         '<w:hyperlink r:id="rId11">' + run("county sports page") + '</w:hyperlink>',
         run(".\tThanks to the PTA"), '<w:r><w:br/></w:r>', run("for the ice lollies.")),
    '<w:tbl><w:tr>' + cell("House") + cell("Points") + '</w:tr>'
    '<w:tr>' + cell("Red") + cell("312") + '</w:tr></w:tbl>',
    para(run("Posted by Mr Tom Reed, PE Lead")),
    '<w:sectPr><w:headerReference w:type="default" r:id="rId20"/>'
    '<w:footerReference w:type="default" r:id="rId21"/></w:sectPr>',
])

DOCUMENT = f'{DECL}<w:document {W}><w:body>{BODY}</w:body></w:document>'
HEADER = f'{DECL}<w:hdr {W}>{para(image("rId1", 1, "beechwood-crest.png", "Beechwood Primary School crest"), run(" Beechwood Primary School"))}</w:hdr>'
FOOTER = f'{DECL}<w:ftr {W}>{para(run("Beechwood Avenue, Macclesfield SK10 9ZZ · 01625 000000"))}</w:ftr>'

REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
DOCUMENT_RELS = f'''{DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId10" Type="{REL}/image" Target="media/image1.jpeg"/>
<Relationship Id="rId11" Type="{REL}/hyperlink" Target="https://www.example-sports-news.com/beechwood-2026" TargetMode="External"/>
<Relationship Id="rId20" Type="{REL}/header" Target="header1.xml"/>
<Relationship Id="rId21" Type="{REL}/footer" Target="footer1.xml"/>
</Relationships>'''
HEADER_RELS = f'''{DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="{REL}/image" Target="media/beechwood-crest.png"/>
</Relationships>'''
PACKAGE_RELS = f'''{DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="{REL}/officeDocument" Target="word/document.xml"/>
</Relationships>'''
CT = 'application/vnd.openxmlformats-officedocument.wordprocessingml'
CONTENT_TYPES = f'''{DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Default Extension="png" ContentType="image/png"/>
<Default Extension="jpeg" ContentType="image/jpeg"/>
<Override PartName="/word/document.xml" ContentType="{CT}.document.main+xml"/>
<Override PartName="/word/header1.xml" ContentType="{CT}.header+xml"/>
<Override PartName="/word/footer1.xml" ContentType="{CT}.footer+xml"/>
</Types>'''

# A 1x1 PNG and a tiny JPEG-shaped placeholder: PostLint never looks inside images.
PNG = bytes.fromhex('89504e470d0a1a0a0000000d4948445200000001000000010806000000'
                    '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082')


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "Samples/news/sports-day.docx"
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        def add(name, data):
            info = zipfile.ZipInfo(name, date_time=(2026, 6, 1, 12, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
        add("[Content_Types].xml", CONTENT_TYPES)
        add("_rels/.rels", PACKAGE_RELS)
        add("word/document.xml", DOCUMENT)
        add("word/_rels/document.xml.rels", DOCUMENT_RELS)
        add("word/header1.xml", HEADER)
        add("word/_rels/header1.xml.rels", HEADER_RELS)
        add("word/footer1.xml", FOOTER)
        add("word/media/beechwood-crest.png", PNG)
        add("word/media/image1.jpeg", PNG)


if __name__ == "__main__":
    main()
