// Same trick as Sources/CLibXML2/shim.h: hide libxml2's ICU support before any parser header.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <string.h>
#include "CLibXML2Floor.h"

void postlint_floor_init(void) { xmlInitParser(); }

static int64_t text_length(const xmlChar *text) { return text ? (int64_t)strlen((const char *)text) : 0; }

/// Iterative pre-order walk (no recursion: deep markup must not blow the stack).
static int64_t walk(xmlNodePtr node) {
    int64_t total = 0;
    while (node) {
        switch (node->type) {
        case XML_TEXT_NODE:
        case XML_CDATA_SECTION_NODE:
        case XML_COMMENT_NODE:
            total += text_length(node->content);
            break;
        case XML_ELEMENT_NODE:
            for (xmlAttrPtr attribute = node->properties; attribute; attribute = attribute->next) {
                total += text_length(attribute->name);
                for (xmlNodePtr value = attribute->children; value; value = value->next)
                    total += text_length(value->content);
            }
            break;
        default:
            break;
        }
        if (node->type != XML_ENTITY_REF_NODE && node->children) { node = node->children; continue; }
        while (node && !node->next) node = node->parent;
        if (node) node = node->next;
    }
    return total;
}

int64_t postlint_floor_parse_html(const char *bytes, size_t length) {
    if (length > 0x7fffffff) return -1;
    htmlDocPtr document = htmlReadMemory(bytes, (int)length, "floor.html", "UTF-8",
                                         HTML_PARSE_NONET | HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
    if (!document) return -1;
    int64_t total = walk(document->children);
    xmlFreeDoc(document);
    return total;
}
