#include "CLibXML2Shim.h"
#include "HTMLContext.h"

#include <libxml/SAX2.h>
#include <libxml/parserInternals.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

// SAX callbacks that build a flat tree with the structure libxml2's own HTML SAX2 handler
// (xmlSAX2StartElement, xmlSAX2Characters, ...) would give its xmlNode tree: the same parent for
// every node, the same text merging, the same depth limit. The parser itself is untouched; only
// what it reports is stored differently. All state is the context's: nothing is shared between
// threads.

/// What the lean filter keeps on an element, by its name: class and id, or the spans.
enum { PROVSTAT_KEEPS_NAMES = 1, PROVSTAT_KEEPS_SPANS = 2 };

/// Bytes the text buffer keeps readable past a stored text (its NUL and more), so that counting
/// reads whole 16-byte blocks, the last one masked, instead of a byte loop for the tail.
enum { PROVSTAT_FLAT_SLACK = 16 };

/// The builder's state beside the tree, reached through the parser context's `_private`.
typedef struct provstat_flat_builder {
    provstat_flat_tree *tree;
    /// Name pointers the parser passed (dictionary strings or its static ones) and their index.
    const xmlChar **keys;
    uint32_t *key_names;
    /// Which attributes the lean filter keeps on elements so named (PROVSTAT_KEEPS_*).
    uint8_t *key_keeps;
    uint32_t key_capacity;
    uint32_t key_count;
    /// The open elements, innermost last: libxml2's node stack.
    int32_t *stack;
    int32_t depth;
    int32_t stack_capacity;
    int failed;
} provstat_flat_builder;

static void provstat_flat_fail(xmlParserCtxtPtr context, provstat_flat_builder *builder) {
    builder->failed = 1;
    xmlStopParser(context);
}

/// Grows `*buffer` (of `*capacity` items of `size` bytes) to hold `needed` items.
static int provstat_flat_reserve(void **buffer, size_t *capacity, size_t needed, size_t size) {
    if (needed <= *capacity) return 1;
    size_t fresh = *capacity < 16 ? 16 : *capacity;
    while (fresh < needed) fresh *= 2;
    if (fresh > SIZE_MAX / size) return 0;
    void *grown = realloc(*buffer, fresh * size);
    if (grown == NULL) return 0;
    *buffer = grown;
    *capacity = fresh;
    return 1;
}

/// A new node of `kind`, last child of `parent`; -1 when memory runs out.
static int32_t provstat_flat_append(provstat_flat_builder *builder, int32_t kind, int32_t parent) {
    provstat_flat_tree *tree = builder->tree;
    if (tree->count == INT32_MAX) return -1;
    size_t capacity = (size_t)tree->node_capacity;
    if (!provstat_flat_reserve((void **)&tree->nodes, &capacity, (size_t)tree->count + 1, sizeof(provstat_flat_node)))
        return -1;
    tree->node_capacity = capacity > INT32_MAX ? INT32_MAX : (int32_t)capacity;
    int32_t index = tree->count++;
    provstat_flat_node *node = &tree->nodes[index];
    node->parent = parent;
    node->first_child = -1;
    node->last_child = -1;
    node->next = -1;
    node->kind = kind;
    node->name = 0;
    node->start = 0;
    node->length = 0;
    node->mark = 0;
    node->visible = 0;
    node->commas = 0;
    node->sealed = 0;
    if (parent >= 0) {
        provstat_flat_node *up = &tree->nodes[parent];
        if (up->last_child < 0) {
            up->first_child = index;
        } else {
            tree->nodes[up->last_child].next = index;
        }
        up->last_child = index;
    }
    return index;
}

/// Copies `length` bytes and a NUL to the end of the text buffer; the offset, or -1.
static int64_t provstat_flat_store(provstat_flat_builder *builder, const xmlChar *bytes, size_t length) {
    provstat_flat_tree *tree = builder->tree;
    size_t start = tree->text_length;
    if (start + length + 1 > UINT32_MAX) return -1;
    if (!provstat_flat_reserve((void **)&tree->text, &tree->text_capacity, start + length + PROVSTAT_FLAT_SLACK, 1))
        return -1;
    if (length > 0) memcpy(tree->text + start, bytes, length);
    tree->text[start + length] = 0;
    tree->text_length = start + length + 1;
    return (int64_t)start;
}

/// The index of an element name, the local part as xmlSAX2StartElement keeps it (xmlSplitQName
/// drops a prefix: `o:p` is a `p`). Looked up by the parser's pointer, which is the same for
/// every occurrence of a name in one parse. UINT32_MAX when memory runs out.
static uint32_t provstat_flat_name(xmlParserCtxtPtr context, provstat_flat_builder *builder, const xmlChar *fullname,
                                   int *keeps) {
    uint32_t mask = builder->key_capacity - 1;
    uint32_t slot = (uint32_t)(((uintptr_t)fullname >> 3) * 0x9E3779B1u) & mask;
    while (builder->keys[slot] != NULL) {
        if (builder->keys[slot] == fullname) {
            *keeps = builder->key_keeps[slot];
            return builder->key_names[slot];
        }
        slot = (slot + 1) & mask;
    }
    // A name not seen before: its local part, copied.
    xmlChar *local = NULL;
    xmlChar *prefix = NULL;
    if (strchr((const char *)fullname, ':') != NULL) local = xmlSplitQName(context, fullname, &prefix);
    const char *name = local != NULL ? (const char *)local : (const char *)fullname;
    size_t length = strlen(name);
    provstat_flat_tree *tree = builder->tree;
    size_t names = (size_t)tree->name_capacity;
    int stored = provstat_flat_reserve((void **)&tree->name_bytes, &tree->name_bytes_capacity,
                                       tree->name_bytes_length + length + 1, 1)
                 && provstat_flat_reserve((void **)&tree->name_offsets, &names, (size_t)tree->name_count + 1,
                                          sizeof(uint32_t));
    tree->name_capacity = (int32_t)names;
    uint32_t index = UINT32_MAX;
    if (stored && tree->name_bytes_length + length + 1 < UINT32_MAX) {
        memcpy(tree->name_bytes + tree->name_bytes_length, name, length + 1);
        index = (uint32_t)tree->name_count++;
        tree->name_offsets[index] = (uint32_t)tree->name_bytes_length;
        tree->name_bytes_length += length + 1;
    }
    if (local != NULL) xmlFree(local);
    if (prefix != NULL) xmlFree(prefix);
    if (index == UINT32_MAX) return index;
    // The lean filter reads the full name (`o:p` keeps nothing, unlike `p`): what
    // provstat_lean_keeps_attribute answers for class and id, and for the spans.
    *keeps = (provstat_reads_names_of((const char *)fullname) ? PROVSTAT_KEEPS_NAMES : 0)
             | (provstat_is_cell((const char *)fullname) ? PROVSTAT_KEEPS_SPANS : 0);
    builder->keys[slot] = fullname;
    builder->key_names[slot] = index;
    builder->key_keeps[slot] = (uint8_t)*keeps;
    builder->key_count++;
    if (builder->key_count * 2 > builder->key_capacity) {
        // Rehash into twice the room.
        uint32_t capacity = builder->key_capacity * 2;
        const xmlChar **keys = calloc(capacity, sizeof(xmlChar *));
        uint32_t *key_names = calloc(capacity, sizeof(uint32_t));
        uint8_t *key_keeps = calloc(capacity, 1);
        if (keys == NULL || key_names == NULL || key_keeps == NULL) {
            free(keys);
            free(key_names);
            free(key_keeps);
            return UINT32_MAX;
        }
        for (uint32_t old = 0; old < builder->key_capacity; old++) {
            if (builder->keys[old] == NULL) continue;
            uint32_t fresh = (uint32_t)(((uintptr_t)builder->keys[old] >> 3) * 0x9E3779B1u) & (capacity - 1);
            while (keys[fresh] != NULL) fresh = (fresh + 1) & (capacity - 1);
            keys[fresh] = builder->keys[old];
            key_names[fresh] = builder->key_names[old];
            key_keeps[fresh] = builder->key_keeps[old];
        }
        free(builder->keys);
        free(builder->key_names);
        free(builder->key_keeps);
        builder->keys = keys;
        builder->key_names = key_names;
        builder->key_keeps = key_keeps;
        builder->key_capacity = capacity;
    }
    return index;
}

/// Which kept attribute `attribute` is on an element whose name keeps `keeps`, or -1: the lean
/// filter's choice (the parser lower-cases attribute names, so exact comparisons do).
static int32_t provstat_flat_which(const char *attribute, int keeps) {
    switch (attribute[0]) {
    case 'c':
        if ((keeps & PROVSTAT_KEEPS_NAMES) && strcmp(attribute, "class") == 0) return PROVSTAT_FLAT_CLASS;
        if ((keeps & PROVSTAT_KEEPS_SPANS) && strcmp(attribute, "colspan") == 0) return PROVSTAT_FLAT_COLSPAN;
        return -1;
    case 'i': return (keeps & PROVSTAT_KEEPS_NAMES) && attribute[1] == 'd' && attribute[2] == 0 ? PROVSTAT_FLAT_ID : -1;
    case 'r': return (keeps & PROVSTAT_KEEPS_SPANS) && strcmp(attribute, "rowspan") == 0 ? PROVSTAT_FLAT_ROWSPAN : -1;
    default: return -1;
    }
}

static void provstat_flat_start_element(void *user, const xmlChar *fullname, const xmlChar **attributes) {
    xmlParserCtxtPtr context = user;
    provstat_flat_builder *builder = context->_private;
    if (fullname == NULL || context->myDoc == NULL || builder->failed) return;
    // nodePush's depth limit: past it libxml2 drops the element and halts the parser.
    if ((unsigned int)builder->depth > xmlParserMaxDepth && (context->options & XML_PARSE_HUGE) == 0) {
        xmlStopParser(context);
        return;
    }
    provstat_flat_tree *tree = builder->tree;
    int32_t parent;
    if (builder->depth > 0) {
        parent = builder->stack[builder->depth - 1];
    } else if (context->myDoc->children != NULL || tree->nodes[0].first_child < 0) {
        // The first element of the document (its root), or one after a doctype, which is the
        // document's first child: added as the root's sibling, that is, under the document.
        parent = 0;
    } else {
        // No element open: libxml2 adds the element to the document's first child, as its child
        // when that is an element, else as its sibling.
        int32_t first = tree->nodes[0].first_child;
        parent = tree->nodes[first].kind == PROVSTAT_FLAT_ELEMENT ? first : 0;
    }
    int keeps = 0;
    uint32_t name = provstat_flat_name(context, builder, fullname, &keeps);
    if (name == UINT32_MAX) {
        provstat_flat_fail(context, builder);
        return;
    }
    size_t stack_capacity = (size_t)builder->stack_capacity;
    if (!provstat_flat_reserve((void **)&builder->stack, &stack_capacity, (size_t)builder->depth + 1, sizeof(int32_t))) {
        provstat_flat_fail(context, builder);
        return;
    }
    builder->stack_capacity = (int32_t)stack_capacity;
    int32_t index = provstat_flat_append(builder, PROVSTAT_FLAT_ELEMENT, parent);
    if (index < 0) {
        provstat_flat_fail(context, builder);
        return;
    }
    builder->stack[builder->depth++] = index;
    tree->nodes[index].name = name;
    tree->nodes[index].start = (uint32_t)tree->attribute_count;
    if (attributes == NULL || keeps == 0) return;
    for (int pair = 0; attributes[2 * pair] != NULL; pair++) {
        int32_t which = provstat_flat_which((const char *)attributes[2 * pair], keeps);
        if (which < 0) continue;
        size_t capacity = (size_t)tree->attribute_capacity;
        if (!provstat_flat_reserve((void **)&tree->attributes, &capacity, (size_t)tree->attribute_count + 1,
                                   sizeof(provstat_flat_attribute))) {
            provstat_flat_fail(context, builder);
            return;
        }
        tree->attribute_capacity = (int32_t)capacity;
        provstat_flat_attribute *kept = &tree->attributes[tree->attribute_count];
        kept->which = which;
        kept->value = -1;
        kept->length = 0;
        const xmlChar *value = attributes[2 * pair + 1];
        if (value != NULL) {
            size_t length = strlen((const char *)value);
            int64_t offset = provstat_flat_store(builder, value, length);
            if (offset < 0 || offset > INT32_MAX) {
                provstat_flat_fail(context, builder);
                return;
            }
            kept->value = (int32_t)offset;
            kept->length = (uint32_t)length;
        }
        tree->attribute_count++;
        tree->nodes[index].length++;
    }
}

static void provstat_flat_end_element(void *user, const xmlChar *name) {
    (void)name;
    xmlParserCtxtPtr context = user;
    provstat_flat_builder *builder = context->_private;
    // nodePop: whatever is innermost, whatever the name.
    if (builder->depth > 0) builder->depth--;
}

/// Adds the bytes above 0x20 and the commas of `bytes` to `*visible` and `*commas`. With SSE2,
/// `bytes` must stay readable for PROVSTAT_FLAT_SLACK - 1 bytes past `length` (the text buffer's).
static void provstat_flat_count(const xmlChar *bytes, size_t length, uint32_t *visible, uint32_t *commas) {
    size_t index = 0;
    uint32_t above = 0;
    uint32_t found = 0;
#if defined(__SSE2__)
    // Sixteen bytes at a time, counted in byte lanes for at most 255 blocks, then summed.
    const __m128i zero = _mm_setzero_si128();
    const __m128i low = _mm_set1_epi8(0x21);
    const __m128i comma = _mm_set1_epi8(',');
    while (length - index >= 16) {
        size_t blocks = (length - index) / 16;
        if (blocks > 255) blocks = 255;
        __m128i lanes_above = zero;
        __m128i lanes_found = zero;
        for (size_t block = 0; block < blocks; block++, index += 16) {
            __m128i chunk = _mm_loadu_si128((const __m128i *)(bytes + index));
            // A lane is -1 where the byte is at least 0x21 (unsigned), or a comma.
            lanes_above = _mm_sub_epi8(lanes_above, _mm_cmpeq_epi8(_mm_max_epu8(chunk, low), chunk));
            lanes_found = _mm_sub_epi8(lanes_found, _mm_cmpeq_epi8(chunk, comma));
        }
        __m128i sums = _mm_sad_epu8(lanes_above, zero);
        above += (uint32_t)_mm_cvtsi128_si32(sums) + (uint32_t)_mm_extract_epi16(sums, 4);
        sums = _mm_sad_epu8(lanes_found, zero);
        found += (uint32_t)_mm_cvtsi128_si32(sums) + (uint32_t)_mm_extract_epi16(sums, 4);
    }
    if (index < length) {
        // The last 1-15 bytes as one block read into the slack, the lanes past the end masked off.
        const __m128i positions = _mm_setr_epi8(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
        __m128i inside = _mm_cmplt_epi8(positions, _mm_set1_epi8((char)(length - index)));
        __m128i chunk = _mm_loadu_si128((const __m128i *)(bytes + index));
        __m128i lanes_above = _mm_sub_epi8(zero, _mm_and_si128(inside, _mm_cmpeq_epi8(_mm_max_epu8(chunk, low), chunk)));
        __m128i lanes_found = _mm_sub_epi8(zero, _mm_and_si128(inside, _mm_cmpeq_epi8(chunk, comma)));
        __m128i sums = _mm_sad_epu8(lanes_above, zero);
        above += (uint32_t)_mm_cvtsi128_si32(sums) + (uint32_t)_mm_extract_epi16(sums, 4);
        sums = _mm_sad_epu8(lanes_found, zero);
        found += (uint32_t)_mm_cvtsi128_si32(sums) + (uint32_t)_mm_extract_epi16(sums, 4);
        index = length;
    }
#endif
    for (; index < length; index++) {
        above += bytes[index] > 0x20;
        found += bytes[index] == ',';
    }
    *visible += above;
    *commas += found;
}

/// Counts what detection measures in a piece of text added to `node`: up to the content's first NUL.
/// `bytes` is the text's copy in the text buffer (provstat_flat_count reads past its end).
static void provstat_flat_measure(provstat_flat_node *node, const xmlChar *bytes, size_t length) {
    // CDATA is a script's or a style's, which detection never reads: measured on demand.
    if (node->sealed || node->kind != PROVSTAT_FLAT_TEXT) return;
    const xmlChar *nul = memchr(bytes, 0, length);
    if (nul != NULL) {
        length = (size_t)(nul - bytes);
        node->sealed = 1;
    }
    provstat_flat_count(bytes, length, &node->visible, &node->commas);
}

/// xmlSAX2Text: text goes to the open element (dropped when none), merged into its last child
/// when that is text of the same kind.
static void provstat_flat_text(xmlParserCtxtPtr context, const xmlChar *bytes, int length, int32_t kind) {
    provstat_flat_builder *builder = context->_private;
    if (builder->depth == 0 || builder->failed || length < 0) return;
    provstat_flat_tree *tree = builder->tree;
    int32_t parent = builder->stack[builder->depth - 1];
    int32_t last = tree->nodes[parent].last_child;
    if (last >= 0 && tree->nodes[last].kind == kind) {
        provstat_flat_node *node = &tree->nodes[last];
        if ((size_t)node->length + (size_t)length > XML_MAX_TEXT_LENGTH && (context->options & XML_PARSE_HUGE) == 0) {
            // xmlSAX2Text reports a huge text node through xmlSAX2ErrMemory, which stops the parser so.
            context->errNo = XML_ERR_NO_MEMORY;
            context->instate = XML_PARSER_EOF;
            context->disableSAX = 1;
            return;
        }
        if ((size_t)node->start + node->length + 1 != tree->text_length) {
            // Not at the end of the buffer (it always is, as texts are stored): copied there first.
            size_t start = tree->text_length;
            if (start + node->length + 1 > UINT32_MAX
                || !provstat_flat_reserve((void **)&tree->text, &tree->text_capacity, start + node->length + 1, 1)) {
                provstat_flat_fail(context, builder);
                return;
            }
            memcpy(tree->text + start, tree->text + node->start, node->length);
            tree->text[start + node->length] = 0;
            tree->text_length = start + node->length + 1;
            node->start = (uint32_t)start;
        }
        size_t end = (size_t)node->start + node->length;
        if (end + (size_t)length + 1 > UINT32_MAX
            || !provstat_flat_reserve((void **)&tree->text, &tree->text_capacity,
                                      end + (size_t)length + PROVSTAT_FLAT_SLACK, 1)) {
            provstat_flat_fail(context, builder);
            return;
        }
        memcpy(tree->text + end, bytes, (size_t)length);
        tree->text[end + (size_t)length] = 0;
        tree->text_length = end + (size_t)length + 1;
        node->length += (uint32_t)length;
        provstat_flat_measure(node, tree->text + end, (size_t)length);
        return;
    }
    int64_t offset = provstat_flat_store(builder, bytes, (size_t)length);
    if (offset < 0) {
        provstat_flat_fail(context, builder);
        return;
    }
    int32_t index = provstat_flat_append(builder, kind, parent);
    if (index < 0) {
        provstat_flat_fail(context, builder);
        return;
    }
    tree->nodes[index].start = (uint32_t)offset;
    tree->nodes[index].length = (uint32_t)length;
    provstat_flat_measure(&tree->nodes[index], tree->text + offset, (size_t)length);
}

static void provstat_flat_characters(void *user, const xmlChar *bytes, int length) {
    provstat_flat_text(user, bytes, length, PROVSTAT_FLAT_TEXT);
}

static void provstat_flat_cdata(void *user, const xmlChar *bytes, int length) {
    provstat_flat_text(user, bytes, length, PROVSTAT_FLAT_CDATA);
}

/// xmlSAX2Comment and xmlSAX2ProcessingInstruction: a node under the open element, else the document.
static void provstat_flat_other(xmlParserCtxtPtr context) {
    provstat_flat_builder *builder = context->_private;
    if (builder->failed) return;
    int32_t parent = builder->depth > 0 ? builder->stack[builder->depth - 1] : 0;
    if (provstat_flat_append(builder, PROVSTAT_FLAT_OTHER, parent) < 0) provstat_flat_fail(context, builder);
}

static void provstat_flat_comment(void *user, const xmlChar *value) {
    (void)value;
    provstat_flat_other(user);
}

static void provstat_flat_instruction(void *user, const xmlChar *target, const xmlChar *data) {
    (void)target;
    (void)data;
    provstat_flat_other(user);
}

static void provstat_flat_handler(xmlSAXHandler *sax) {
    // The document, its doctype and the locator stay libxml2's: the parser reads them.
    sax->startElement = provstat_flat_start_element;
    sax->endElement = provstat_flat_end_element;
    sax->characters = provstat_flat_characters;
    sax->cdataBlock = provstat_flat_cdata;
    sax->comment = provstat_flat_comment;
    sax->processingInstruction = provstat_flat_instruction;
}

static void provstat_flat_builder_free(provstat_flat_builder *builder) {
    if (builder == NULL) return;
    free(builder->keys);
    free(builder->key_names);
    free(builder->key_keeps);
    free(builder->stack);
    free(builder);
}

static void provstat_flat_tree_release(provstat_flat_tree *tree) {
    if (tree == NULL) return;
    free(tree->nodes);
    free(tree->attributes);
    free(tree->text);
    free(tree->name_bytes);
    free(tree->name_offsets);
    free(tree);
}

// MARK: - Reuse on one thread

/// What a thread keeps of its last read for the next one: a tree freed by its reader and the
/// builder's tables. Pages come one after another on a thread; their buffers, reused, cost no
/// malloc or free and are still in the cache. Each thread has its own (no locks); freed at its exit.
typedef struct provstat_flat_spare {
    provstat_flat_tree *tree;
    provstat_flat_builder *builder;
} provstat_flat_spare;

/// A tree or builder grown past this many bytes (a rare huge page) is freed, not kept.
enum { PROVSTAT_FLAT_SPARE_LIMIT = 1 << 20 };

static pthread_key_t provstat_flat_spare_key;
static pthread_once_t provstat_flat_spare_once = PTHREAD_ONCE_INIT;
static int provstat_flat_spare_ready = 0;

static void provstat_flat_spare_free(void *value) {
    provstat_flat_spare *spare = value;
    provstat_flat_tree_release(spare->tree);
    provstat_flat_builder_free(spare->builder);
    free(spare);
}

static void provstat_flat_spare_init(void) {
    provstat_flat_spare_ready = pthread_key_create(&provstat_flat_spare_key, provstat_flat_spare_free) == 0;
}

/// This thread's spare, made on first use; NULL when none can be (nothing is then kept).
static provstat_flat_spare *provstat_flat_spare_of_thread(void) {
    pthread_once(&provstat_flat_spare_once, provstat_flat_spare_init);
    if (!provstat_flat_spare_ready) return NULL;
    provstat_flat_spare *spare = pthread_getspecific(provstat_flat_spare_key);
    if (spare != NULL) return spare;
    spare = calloc(1, sizeof(provstat_flat_spare));
    if (spare != NULL && pthread_setspecific(provstat_flat_spare_key, spare) != 0) {
        free(spare);
        return NULL;
    }
    return spare;
}

/// The thread's spare tree, emptied, or a new one.
static provstat_flat_tree *provstat_flat_take_tree(void) {
    provstat_flat_spare *spare = provstat_flat_spare_of_thread();
    provstat_flat_tree *tree = spare != NULL ? spare->tree : NULL;
    if (tree == NULL) return calloc(1, sizeof(provstat_flat_tree));
    spare->tree = NULL;
    tree->count = 0;
    tree->attribute_count = 0;
    tree->text_length = 0;
    tree->name_count = 0;
    tree->name_bytes_length = 0;
    return tree;
}

/// The thread's spare builder, emptied (no names known, nothing open), or a new one.
static provstat_flat_builder *provstat_flat_take_builder(provstat_flat_tree *tree) {
    provstat_flat_spare *spare = provstat_flat_spare_of_thread();
    provstat_flat_builder *builder = spare != NULL ? spare->builder : NULL;
    if (builder != NULL) {
        spare->builder = NULL;
        // Names are keyed by the pointers of the last parse's dictionary: forgotten.
        memset((void *)builder->keys, 0, builder->key_capacity * sizeof(xmlChar *));
        builder->key_count = 0;
        builder->depth = 0;
        builder->failed = 0;
    } else {
        builder = calloc(1, sizeof(provstat_flat_builder));
        if (builder == NULL) return NULL;
        builder->key_capacity = 64;
        builder->keys = calloc(builder->key_capacity, sizeof(xmlChar *));
        builder->key_names = calloc(builder->key_capacity, sizeof(uint32_t));
        builder->key_keeps = calloc(builder->key_capacity, 1);
        if (builder->keys == NULL || builder->key_names == NULL || builder->key_keeps == NULL) {
            provstat_flat_builder_free(builder);
            return NULL;
        }
    }
    builder->tree = tree;
    return builder;
}

/// Keeps the builder as the thread's spare when there is room, else frees it.
static void provstat_flat_keep_builder(provstat_flat_builder *builder) {
    provstat_flat_spare *spare = provstat_flat_spare_of_thread();
    size_t bytes = (size_t)builder->key_capacity * (sizeof(xmlChar *) + sizeof(uint32_t) + 1)
                   + (size_t)builder->stack_capacity * sizeof(int32_t);
    if (spare == NULL || spare->builder != NULL || bytes > PROVSTAT_FLAT_SPARE_LIMIT) {
        provstat_flat_builder_free(builder);
        return;
    }
    builder->tree = NULL;
    spare->builder = builder;
}

// MARK: - Reading

provstat_flat_tree *provstat_html_read_flat(const char *buffer, int size, const char *url, const char *encoding,
                                            int options) {
    provstat_flat_tree *tree = provstat_flat_take_tree();
    if (tree == NULL) return NULL;
    provstat_flat_builder *builder = provstat_flat_take_builder(tree);
    if (builder == NULL) {
        provstat_flat_tree_free(tree);
        return NULL;
    }
    // Room for about what a page needs, so that few pages grow the buffers.
    size_t expected = size > 0 ? (size_t)size : 0;
    size_t nodes = (size_t)tree->node_capacity;
    int ready = provstat_flat_reserve((void **)&tree->nodes, &nodes, expected / 32 + 64, sizeof(provstat_flat_node))
                && provstat_flat_reserve((void **)&tree->text, &tree->text_capacity, expected / 2 + 1024, 1);
    tree->node_capacity = (int32_t)nodes;
    size_t names = (size_t)tree->name_capacity;
    ready = ready && provstat_flat_reserve((void **)&tree->name_bytes, &tree->name_bytes_capacity, 256, 1)
            && provstat_flat_reserve((void **)&tree->name_offsets, &names, 32, sizeof(uint32_t));
    tree->name_capacity = (int32_t)names;
    // Node 0: the document.
    if (ready) ready = provstat_flat_append(builder, PROVSTAT_FLAT_DOCUMENT, -1) == 0;
    xmlParserCtxtPtr context = NULL;
    // Without the URL: htmlReadMemory keeps it for the document's URL (xmlSAX2StartDocument turns
    // it into one with xmlPathToURI) and copies it twice into every parse error's report, and
    // the flat tree reads neither (diagnostics are dropped). The parse is the same.
    (void)url;
    if (ready) context = provstat_html_context(buffer, size, NULL, encoding, options, provstat_flat_handler);
    if (context == NULL) {
        provstat_flat_keep_builder(builder);
        provstat_flat_tree_free(tree);
        return NULL;
    }
    context->_private = builder;
    htmlParseDocument(context);
    // htmlReadMemory returns the document the SAX handler started; without one, no tree either.
    int parsed = context->myDoc != NULL && !builder->failed;
    if (context->myDoc != NULL) {
        xmlFreeDoc(context->myDoc);
        context->myDoc = NULL;
    }
    context->_private = NULL;
    xmlFreeParserCtxt(context);
    provstat_flat_keep_builder(builder);
    if (!parsed) {
        provstat_flat_tree_free(tree);
        return NULL;
    }
    return tree;
}

void provstat_flat_tree_free(provstat_flat_tree *tree) {
    if (tree == NULL) return;
    provstat_flat_spare *spare = provstat_flat_spare_of_thread();
    size_t bytes = (size_t)tree->node_capacity * sizeof(provstat_flat_node)
                   + (size_t)tree->attribute_capacity * sizeof(provstat_flat_attribute) + tree->text_capacity
                   + tree->name_bytes_capacity + (size_t)tree->name_capacity * sizeof(uint32_t);
    if (spare == NULL || spare->tree != NULL || bytes > PROVSTAT_FLAT_SPARE_LIMIT) {
        provstat_flat_tree_release(tree);
        return;
    }
    spare->tree = tree;
}
