#!/bin/sh
# make.sh: builds the two agency reference documents the tests use (--reference-doc): agency.docx and
# agency.odt, each with a letterhead page header (a logo and 「範例市政府　函」), a footer (address and
# page number) and styles of their own (Word-style localized ids in the DOCX: Normal is "a", heading 1
# is "1").  Hand-written XML, zipped by Python's zipfile with every entry stored and dated 1980-01-01,
# so the bytes do not depend on the machine: run it again and the files come out the same.
# Usage: sh make.sh [OUTDIR] (default: this script's directory).
set -eu
out=${1:-$(cd "$(dirname "$0")" && pwd)}
exec /usr/bin/python3 - "$out" <<'PY'
import struct
import sys
import zipfile
import zlib

out = sys.argv[1]


def png(w, h):
    """A small logo: a red ring on white (8-bit RGB, stored deflate blocks: deterministic)."""
    rows = b""
    cx, cy = (w - 1) / 2, (h - 1) / 2
    for y in range(h):
        rows += b"\0"
        for x in range(w):
            r2 = (x - cx) ** 2 + (y - cy) ** 2
            rows += b"\xc0\x00\x00" if (w / 2 - 5) ** 2 <= r2 <= (w / 2 - 1) ** 2 else b"\xff\xff\xff"

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) +
            chunk(b"IDAT", zlib.compress(rows, 0)) + chunk(b"IEND", b""))


def write(path, parts):
    with zipfile.ZipFile(path, "w") as z:
        for name, data in parts:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_STORED
            info.external_attr = 0o100644 << 16
            info.create_system = 3
            z.writestr(info, data.encode("utf-8") if isinstance(data, str) else data)


LOGO = png(48, 48)
XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PR = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "application/vnd.openxmlformats-officedocument.wordprocessingml."

docx = [
    ("[Content_Types].xml", XML +
     '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
     '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
     '<Default Extension="xml" ContentType="application/xml"/>'
     '<Default Extension="png" ContentType="image/png"/>'
     '<Override PartName="/word/document.xml" ContentType="' + CT + 'document.main+xml"/>'
     '<Override PartName="/word/styles.xml" ContentType="' + CT + 'styles+xml"/>'
     '<Override PartName="/word/header2.xml" ContentType="' + CT + 'header+xml"/>'
     '<Override PartName="/word/footer3.xml" ContentType="' + CT + 'footer+xml"/>'
     '</Types>'),
    ("_rels/.rels", XML + '<Relationships xmlns="' + PR + '">'
     '<Relationship Id="rId1" Type="' + R + '/officeDocument" Target="word/document.xml"/>'
     '</Relationships>'),
    ("word/document.xml", XML + '<w:document xmlns:w="' + W + '" xmlns:r="' + R + '"><w:body>'
     '<w:p><w:pPr><w:pStyle w:val="1"/></w:pPr><w:r><w:t>範例市政府公文範本</w:t></w:r></w:p>'
     '<w:p><w:r><w:t>本範本供產生文件時套用樣式、頁首及頁尾。</w:t></w:r></w:p>'
     '<w:sectPr><w:headerReference w:type="default" r:id="rId10"/>'
     '<w:footerReference w:type="default" r:id="rId11"/>'
     '<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1701" w:right="1134" w:bottom="1134" '
     'w:left="1134" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr>'
     '</w:body></w:document>'),
    ("word/_rels/document.xml.rels", XML + '<Relationships xmlns="' + PR + '">'
     '<Relationship Id="rId1" Type="' + R + '/styles" Target="styles.xml"/>'
     '<Relationship Id="rId10" Type="' + R + '/header" Target="header2.xml"/>'
     '<Relationship Id="rId11" Type="' + R + '/footer" Target="footer3.xml"/>'
     '</Relationships>'),
    ("word/styles.xml", XML + '<w:styles xmlns:w="' + W + '">'
     '<w:docDefaults><w:rPrDefault><w:rPr>'
     '<w:rFonts w:ascii="Times New Roman" w:eastAsia="標楷體" w:hAnsi="Times New Roman"/>'
     '<w:sz w:val="26"/><w:szCs w:val="26"/><w:lang w:val="en-US" w:eastAsia="zh-TW"/>'
     '</w:rPr></w:rPrDefault></w:docDefaults>'
     '<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/><w:qFormat/></w:style>'
     '<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/>'
     '<w:next w:val="a"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/>'
     '<w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:color w:val="1F3864"/><w:sz w:val="30"/>'
     '</w:rPr></w:style>'
     '<w:style w:type="paragraph" w:styleId="a3"><w:name w:val="Title"/><w:basedOn w:val="a"/>'
     '<w:qFormat/><w:pPr><w:spacing w:after="240"/><w:jc w:val="center"/></w:pPr>'
     '<w:rPr><w:b/><w:color w:val="1F3864"/><w:sz w:val="36"/></w:rPr></w:style>'
     '<w:style w:type="paragraph" w:styleId="a5"><w:name w:val="header"/><w:basedOn w:val="a"/>'
     '<w:pPr><w:jc w:val="center"/></w:pPr></w:style>'
     '<w:style w:type="paragraph" w:styleId="a7"><w:name w:val="footer"/><w:basedOn w:val="a"/>'
     '<w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:sz w:val="18"/></w:rPr></w:style>'
     '</w:styles>'),
    ("word/header2.xml", XML + '<w:hdr xmlns:w="' + W + '" xmlns:r="' + R + '" '
     'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
     'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
     'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">'
     '<w:p><w:pPr><w:pStyle w:val="a5"/></w:pPr>'
     '<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">'
     '<wp:extent cx="432000" cy="432000"/><wp:docPr id="1" name="logo"/>'
     '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
     '<pic:pic><pic:nvPicPr><pic:cNvPr id="1" name="logo.png"/><pic:cNvPicPr/></pic:nvPicPr>'
     '<pic:blipFill><a:blip r:embed="rIdLogo"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
     '<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="432000" cy="432000"/></a:xfrm>'
     '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>'
     '</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>'
     '<w:r><w:rPr><w:b/><w:sz w:val="40"/></w:rPr><w:t xml:space="preserve">　範例市政府　函</w:t></w:r>'
     '</w:p></w:hdr>'),
    ("word/_rels/header2.xml.rels", XML + '<Relationships xmlns="' + PR + '">'
     '<Relationship Id="rIdLogo" Type="' + R + '/image" Target="media/logo.png"/>'
     '</Relationships>'),
    ("word/footer3.xml", XML + '<w:ftr xmlns:w="' + W + '">'
     '<w:p><w:pPr><w:pStyle w:val="a7"/></w:pPr>'
     '<w:r><w:t xml:space="preserve">範例市政府　地址：100 範例市中正路 1 號　電話：(02) 1234-5678　第 </w:t></w:r>'
     '<w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>'
     '<w:r><w:t xml:space="preserve"> 頁</w:t></w:r></w:p></w:ftr>'),
    ("word/media/logo.png", LOGO),
]
write(out + "/agency.docx", docx)

O = "urn:oasis:names:tc:opendocument:xmlns:"
NS = ('xmlns:office="' + O + 'office:1.0" xmlns:style="' + O + 'style:1.0" '
      'xmlns:text="' + O + 'text:1.0" xmlns:table="' + O + 'table:1.0" '
      'xmlns:draw="' + O + 'drawing:1.0" xmlns:fo="' + O + 'xsl-fo-compatible:1.0" '
      'xmlns:svg="' + O + 'svg-compatible:1.0" xmlns:xlink="http://www.w3.org/1999/xlink"')
TP = ('style:font-name-asian="標楷體" style:language-asian="zh" style:country-asian="TW"')
odt = [
    ("mimetype", "application/vnd.oasis.opendocument.text"),
    ("META-INF/manifest.xml", '<?xml version="1.0" encoding="UTF-8"?>\n'
     '<manifest:manifest xmlns:manifest="' + O + 'manifest:1.0" manifest:version="1.3">'
     '<manifest:file-entry manifest:full-path="/" manifest:version="1.3" '
     'manifest:media-type="application/vnd.oasis.opendocument.text"/>'
     '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
     '<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>'
     '<manifest:file-entry manifest:full-path="Pictures/logo.png" manifest:media-type="image/png"/>'
     '</manifest:manifest>'),
    ("content.xml", '<?xml version="1.0" encoding="UTF-8"?>\n'
     '<office:document-content ' + NS + ' office:version="1.3"><office:body><office:text>'
     '<text:h text:style-name="Heading_20_1" text:outline-level="1">範例市政府公文範本</text:h>'
     '<text:p text:style-name="Standard">本範本供產生文件時套用樣式、頁首及頁尾。</text:p>'
     '</office:text></office:body></office:document-content>'),
    ("styles.xml", '<?xml version="1.0" encoding="UTF-8"?>\n'
     '<office:document-styles ' + NS + ' office:version="1.3">'
     '<office:font-face-decls><style:font-face style:name="標楷體" svg:font-family="標楷體" '
     'style:font-family-generic="script" style:font-pitch="variable"/></office:font-face-decls>'
     '<office:styles>'
     '<style:default-style style:family="paragraph"><style:text-properties fo:font-size="13pt" '
     'style:font-size-asian="13pt" ' + TP + '/></style:default-style>'
     '<style:style style:name="Standard" style:family="paragraph" style:class="text"/>'
     '<style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" '
     'style:parent-style-name="Standard" style:default-outline-level="1" style:class="text">'
     '<style:paragraph-properties fo:margin-top="0.4cm" fo:margin-bottom="0.2cm" fo:text-align="start" '
     'fo:keep-with-next="always"/><style:text-properties fo:color="#1f3864" fo:font-size="15pt" '
     'fo:font-weight="bold" style:font-size-asian="15pt" style:font-weight-asian="bold"/></style:style>'
     '<style:style style:name="Header" style:family="paragraph" style:parent-style-name="Standard" '
     'style:class="extra"><style:paragraph-properties fo:text-align="center"/>'
     '<style:text-properties fo:font-size="20pt" fo:font-weight="bold" style:font-size-asian="20pt" '
     'style:font-weight-asian="bold"/></style:style>'
     '<style:style style:name="Footer" style:family="paragraph" style:parent-style-name="Standard" '
     'style:class="extra"><style:paragraph-properties fo:text-align="center"/>'
     '<style:text-properties fo:font-size="9pt" style:font-size-asian="9pt"/></style:style>'
     '</office:styles>'
     '<office:automatic-styles><style:page-layout style:name="Mpm1">'
     '<style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" '
     'style:print-orientation="portrait" fo:margin-top="1.5cm" fo:margin-bottom="1.5cm" '
     'fo:margin-left="2cm" fo:margin-right="2cm"/>'
     '<style:header-style><style:header-footer-properties fo:min-height="1.2cm" '
     'fo:margin-bottom="0.4cm"/></style:header-style>'
     '<style:footer-style><style:header-footer-properties fo:min-height="0.8cm" '
     'fo:margin-top="0.3cm"/></style:footer-style></style:page-layout></office:automatic-styles>'
     '<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="Mpm1">'
     '<style:header><text:p text:style-name="Header">'
     '<draw:frame draw:name="logo" text:anchor-type="as-char" svg:width="1.2cm" svg:height="1.2cm">'
     '<draw:image xlink:href="Pictures/logo.png" xlink:type="simple" xlink:show="embed" '
     'xlink:actuate="onLoad"/></draw:frame>　範例市政府　函</text:p></style:header>'
     '<style:footer><text:p text:style-name="Footer">範例市政府　地址：100 範例市中正路 1 號　'
     '電話：(02) 1234-5678　第 <text:page-number text:select-page="current">1</text:page-number> 頁'
     '</text:p></style:footer></style:master-page></office:master-styles>'
     '</office:document-styles>'),
    ("Pictures/logo.png", LOGO),
]
write(out + "/agency.odt", odt)
PY
