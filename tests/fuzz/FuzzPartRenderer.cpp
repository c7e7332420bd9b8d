// libFuzzer target (asan preset, clang): Markdown and part text from a model through the renderer
// the chat view uses. The input is the text of a text part, a reasoning part, a tool call's
// command and result, a file reference and a source; PartRenderer renders them into a
// MessageDocument, which is laid out at two widths, and the copy helpers run on the same parts.

#include "widgets/conversation/PartRenderer.h"

#include <QAbstractTextDocumentLayout>
#include <QGuiApplication>
#include <QJsonObject>
#include <QLoggingCategory>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace AgentDesk;
using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    QLoggingCategory::setFilterRules(u"agentdesk.*=false\nqt.*=false"_s);
    setenv("QT_QPA_PLATFORM", "offscreen", 1);
    static int argc = 1;
    static char name[] = "fuzz_part_renderer";
    static char *argv[] = {name, nullptr};
    static QGuiApplication app(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static PartRenderer renderer;
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const QString head = text.left(64);

    MessageRenderInput in;
    in.role = (size % 2) ? MessageRole::Assistant : MessageRole::User;
    in.streaming = size % 3 == 0;
    in.stopped = size % 5 == 0;
    MessagePart markdown;
    markdown.kind = MessagePart::Kind::Text;
    markdown.text = text;
    in.parts.append(markdown);
    MessagePart reasoning;
    reasoning.kind = MessagePart::Kind::Reasoning;
    reasoning.editDetail().title = head;
    reasoning.text = text;
    in.parts.append(reasoning);
    MessagePart call;
    call.kind = MessagePart::Kind::ToolCall;
    call.editDetail().toolCallId = u"call-1"_s;
    call.editDetail().toolName = u"execute"_s;
    call.editDetail().args = QJsonObject{{u"command"_s, head}};
    call.editDetail().parsedCommands = {QStringList{head}};
    in.parts.append(call);
    MessagePart result;
    result.kind = MessagePart::Kind::ToolResult;
    result.editDetail().toolCallId = call.detail().toolCallId;
    result.editDetail().result = QJsonObject{{u"output"_s, text}};
    result.editDetail().isError = size % 7 == 0;
    in.toolResults.insert(call.detail().toolCallId, result);
    in.toolStates.insert(call.detail().toolCallId, MessageListModel::ToolCallState::Done);
    MessagePart reference;
    reference.kind = MessagePart::Kind::FileReference;
    reference.editDetail().fileName = head;
    reference.editDetail().startLine = int(size);
    reference.editDetail().endLine = int(size) - 3;
    reference.editDetail().content = text;
    in.parts.append(reference);
    MessagePart source;
    source.kind = MessagePart::Kind::Source;
    source.editDetail().url = head;
    source.editDetail().title = head;
    in.parts.append(source);
    for (int i = 0; i < in.parts.size(); ++i) {
        if (size & (1u << (i % 8)))
            in.expandedParts.insert(i);
    }

    MessageDocument document;
    renderer.render(document, in);
    document.setTextWidth(640);
    (void)document.documentLayout()->documentSize();
    document.setTextWidth(90);
    (void)document.documentLayout()->documentSize();
    (void)PartRenderer::markdownText(in.parts);
    (void)PartRenderer::plainText(in.parts);
    (void)PartRenderer::neutralizeImages(text);
    (void)PartRenderer::toolSummary(call);
    (void)PartRenderer::toggledPart(text);
    return 0;
}
