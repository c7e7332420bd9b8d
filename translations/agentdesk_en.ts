<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AgentDesk::ActionRequiredPanel</name>
    <message>
        <source>Results may be JSON; other text is sent as a string.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The agent waits for the result of %n tool call(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Send Result(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Tool: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report as an error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgentDesk::ApiClient</name>
    <message>
        <source>No data for %1 ms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>build information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>organization list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>workspace list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chat list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A pinned position starts at 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>message list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>edited message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An organization is needed to list models.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>model list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>upload answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>diff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>prompt list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cost summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sharing list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AI spend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>provider key list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>provider key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sign-in grant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MCP server list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MCP disconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skill list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>personal instructions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>compaction thresholds</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgentDesk::ApiError</name>
    <message>
        <source>The server rejected the request as invalid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are signed out or your session has expired. Sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are not allowed to do this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not found, or you do not have access.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chat is not in a state that allows this right now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request is too large.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many requests. Try again shortly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Coder deployment is unavailable right now (status %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Coder deployment had an internal error (status %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server answered with status %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Coder deployment refused the connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Coder deployment&apos;s host name could not be found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A secure connection to the Coder deployment could not be made.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Coder deployment closed the connection unexpectedly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not reach the Coder deployment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sent a %1 this version of AgentDesk cannot read.</source>
        <extracomment>%1 names what was expected, e.g. &quot;chat list&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Coder deployment did not answer in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Coder deployment sent a malformed answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Coder deployment redirected the request to an unencrypted address, %1. AgentDesk did not follow it, so your session token was not sent there.</source>
        <extracomment>%1 is the redirect target, e.g. http://coder.example.com/api/v2/users/me</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Coder deployment redirected the request to another address, %1. AgentDesk did not follow it, so your session token was not sent there.</source>
        <extracomment>%1 is the redirect target, e.g. https://other.example.net/api/v2/users/me</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Coder deployment&apos;s answer broke off after %1 of %2 bytes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Coder deployment&apos;s answer broke off after %1 bytes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sent a malformed %1: it is not valid JSON.</source>
        <extracomment>%1 names what was expected, e.g. &quot;chat list&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgentDesk::Application</name>
    <message>
        <source>The keychain could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2 (this session only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token could not be removed from the keychain: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your session has ended: %1 no longer accepts your token (it expired or was revoked). Sign in again; your drafts are kept.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgentDesk::AttachmentStrip</name>
    <message>
        <source>Shrink and attach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clipboard image could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pasted-image-%1.png</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop uploading %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be uploaded: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uploading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shrinking %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be made small enough to attach.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgentDesk::AttachmentUploader</name>
    <message>
        <source>plain text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a PDF document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an image (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>binary data of an unknown type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is empty: there is nothing to attach.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not an image: its content is %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be attached: its content is %2, and this deployment accepts only PNG, JPEG, GIF and WebP images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be attached: its content is %2. Images, text, Markdown, CSV, JSON and PDF files can be attached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is %2; the limit is %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be attached: the file does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be uploaded: not connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a complete %2 image: it is damaged or cut short.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgentDesk::ChatDirectory</name>
    <message>
        <source>Only a pinned chat can be moved among the pins.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A title needs 1 to %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgentDesk::ChatInfoBar</name>
    <message>
        <source>Context</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instruction files, skills and MCP servers the agent uses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared with you · read only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared by %1 · read only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⏳ Waiting for capacity: the deployment runs as many agents as it allows. This chat starts when one finishes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workspace context could not be refreshed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workspace context changed. Refreshing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workspace context changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instruction files, skills or MCP servers in the workspace differ from what this chat uses. Refresh to use the new ones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Context (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgentDesk::ChatListDelegate</name>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pinned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs you</source>
        <extracomment>Section of chats that wait for the user (a question or an error)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>now</source>
        <extracomment>Relative time of the last activity, under a minute ago</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <extracomment>Relative time in minutes, short form</extracomment>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <extracomment>Relative time in hours, short form</extracomment>
        <translation>
            <numerusform>%n h</numerusform>
            <numerusform>%n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n d</source>
        <extracomment>Relative time in days, short form</extracomment>
        <translation>
            <numerusform>%n d</numerusform>
            <numerusform>%n d</numerusform>
        </translation>
    </message>
    <message>
        <source>Untitled chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>−%1</source>
        <extracomment>Diff statistics: lines removed, with a minus sign</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared with you</source>
        <extracomment>Section of chats other users shared with the signed-in user (read only)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan</source>
        <extracomment>Marker on a chat in plan mode (chat list)</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgentDesk::ChatListView</name>
    <message>
        <source>Chats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regenerate title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark as read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark as unread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unarchive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the agent first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive (stop the agent first)</source>
        <extracomment>Disabled menu entry: a working chat cannot be archived</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgentDesk::ChatView</name>
    <message>
        <source>Copy Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy as Markdown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n new message(s)</source>
        <translation>
            <numerusform>%n new message</numerusform>
            <numerusform>%n new messages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AgentDesk::CommandPalette</name>
    <message>
        <source>Command Palette</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a command</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgentDesk::ComposerWidget</name>
    <message>
        <source>No API key is configured for this provider.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This provider needs your own API key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider&apos;s models could not be fetched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This model is not available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This model is not available (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the agent to propose a plan before it changes anything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent is working — your message will be queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Enter to send, Enter for a new line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter to send, Shift+Enter for a new line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach images or files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capture screen region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The screenshot could not be started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Screen capture is not available: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for attachments to upload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+M</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+E</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reasoning effort (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgentDesk::ConnectDialog</name>
    <message>
        <source>Sign in to Coder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the address of your Coder deployment and a session token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://coder.example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deployment URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a session token in your browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send my token over unencrypted http anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the token for this session only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token is kept in memory and forgotten when AgentDesk quits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the address of your Coder deployment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not an http or https address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 uses plain http: your session token would cross the network unencrypted. Use https, or confirm below that you accept the risk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a session token. You can create one on the deployment&apos;s token page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacting the deployment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the token…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking for Coder Agents…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading organizations…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an organization, then connect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No place to keep the token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the token…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keychain service is available to store the token (%1). Tick “Keep the token for this session only” to continue without saving it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access to the keychain was refused. The token was not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token could not be saved in the keychain: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Deployment URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session &amp;token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Organization:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading models…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgentDesk::ContextGauge</name>
    <message>
        <source>Context used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Context: %1 of %2 tokens (%3 %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cache read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cache write: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reasoning: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coder compacts automatically at %1 %.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click to compact the conversation now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %</source>
        <comment>context gauge percent</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgentDesk::ContextPopover</name>
    <message>
        <source>instruction file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MCP configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MCP server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>too large, left out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>excluded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace context</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tools: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This chat has no workspace context yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workspace context changed since this chat pinned it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No instruction files, skills or MCP servers.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgentDesk::ConversationWidget</name>
    <message>
        <source>Select a chat or start a new one (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Editing an earlier message. Sending replaces it and everything after it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel Editing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No chat is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection lost. Reconnecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline: live updates stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — retrying now (attempt %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 — retrying in %n s (attempt %2)</source>
        <translation>
            <numerusform>%1 — retrying in %n s (attempt %2)</numerusform>
            <numerusform>%1 — retrying in %n s (attempt %2)</numerusform>
        </translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs your input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider overloaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate limited by the provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider timed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider rejected the credentials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model is misconfigured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage limit reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No API key for this provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider is disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocked by the provider&apos;s content filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped by a hook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agent ran into an error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warnings from Coder about this chat; the chat still works.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan mode</source>
        <extracomment>Header marker of a chat in plan mode</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agent plans and proposes; it changes nothing until you implement the plan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summarize the conversation so far to free the context</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan mode could not be changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear Context</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the agent&apos;s context?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The conversation stays in the transcript, but the agent no longer sees it in later turns.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clearing works while the agent is idle with nothing queued, and only when something was said since the last compaction or clear.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compacting works while the agent is idle or stopped with an error, and only when something was said since the last compaction or clear.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This Coder server cannot compact or clear chats (Coder 2.37 or newer can).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not clear the context: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not compact: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>$%1</source>
        <extracomment>An amount in US dollars; %1 is the number</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Cost of this chat and its sub-agents: %1 over %n request(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) had no price and are not counted.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AgentDesk::DemoSimulator</name>
    <message>
        <source>agentdesk-sim was not found. Build it, or point AGENTDESK_SIM to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>agentdesk-sim could not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>agentdesk-sim answered unexpectedly: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgentDesk::DesktopNotifications</name>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgentDesk::DiffLineDelegate</name>
    <message>
        <source>new file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>renamed from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>copied from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2% similar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>binary file, not shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mode %1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No newline at end of file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgentDesk::DiffPanel</name>
    <message>
        <source>Merged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetch the chat&apos;s diff again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load the diff: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No changes yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No chat selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No pull request yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n file</numerusform>
            <numerusform>%n files</numerusform>
        </translation>
    </message>
    <message>
        <source>Changes requested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n reviewer(s)</source>
        <translation>
            <numerusform>%n reviewer</numerusform>
            <numerusform>%n reviewers</numerusform>
        </translation>
    </message>
    <message>
        <source>checked just now</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>checked %n min ago</source>
        <translation>
            <numerusform>checked %n min ago</numerusform>
            <numerusform>checked %n min ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>checked %n hour(s) ago</source>
        <translation>
            <numerusform>checked %n hour ago</numerusform>
            <numerusform>checked %n hours ago</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AgentDesk::DiffView</name>
    <message>
        <source>Changed files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show old and new side by side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next hunk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous hunk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the diff…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (was %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) changed</source>
        <extracomment>e.g. &quot;3 files changed, +120 −4&quot;</extracomment>
        <translation>
            <numerusform>%n file changed</numerusform>
            <numerusform>%n files changed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AgentDesk::DraftStore</name>
    <message>
        <source>Cannot create the drafts folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgentDesk::EffortPicker</name>
    <message>
        <source>Reasoning effort</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgentDesk::ErrorBanner</name>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide details</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgentDesk::FileCache</name>
    <message>
        <source>The file has no id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgentDesk::ImageViewer</name>
    <message>
        <source>Zoom out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>100%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save As…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>image.png</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Image</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgentDesk::LabelsDialog</name>
    <message>
        <source>Chat Labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Labels (key:value, separated by commas):</source>
        <extracomment>key:value pairs separated by commas</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For example: team:billing, priority:high. Leave empty to remove every label.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgentDesk::MainWindow</name>
    <message>
        <source>AgentDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search chats (Ctrl+K)</source>
        <extracomment>Placeholder of the chat search; title:, has_unread:, pr_status: … narrow it down</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search chats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Chat…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search Chats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+K</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ne&amp;xt Chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alt+Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre&amp;vious Chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alt+Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to &amp;Composer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Interrupt Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+D</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move Pin &amp;Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move Pin Do&amp;wn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;generate Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+F2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark as &amp;Unread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+U</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Labels…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+L</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open in &amp;Browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;Archived Chats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+H</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Diff Panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+D</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;load Chats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Command Palette…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+P</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+Q</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live</source>
        <extracomment>The chat list receives live updates</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chat list updates: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Un&amp;pin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Un&amp;archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark as &amp;Read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start at login could not be changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chat %1 was not found on this deployment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chat list out of date, retrying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chat list could not be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the agent first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Share…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+S</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan copied to the clipboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan &amp;Mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Implement Plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Alt+I</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co&amp;mpact Context</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Alt+K</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lear Context…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+K</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AI spend: %1 of %2 this month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AI spend: %1 this month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resets on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Alt+P</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgentDesk::McpPicker</name>
    <message>
        <source>MCP servers the agent may use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in did not finish. Try Connect again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Always on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On by default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MCP · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;MCP servers&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No MCP servers are available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open this address in your browser to connect %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish signing in to %1 in your browser. Waiting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not disconnect %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnected %1; the provider did not revoke the token: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgentDesk::MessageDelegate</name>
    <message>
        <source>Reasoning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message text</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgentDesk::MessageEdit</name>
    <message>
        <source>Message the agent…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgentDesk::ModelPicker</name>
    <message>
        <source>Add your API key in provider settings to enable models.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider&apos;s models could not be fetched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This model is not available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This model is not available (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No reasoning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minimal effort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low effort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medium effort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High effort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extra high effort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maximum effort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turned off by an administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgentDesk::NewChatDialog</name>
    <message>
        <source>New Chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What should the agent do?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Let the agent choose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agent proposes a plan before it changes anything.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start Chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Workspace:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgentDesk::PartRenderer</name>
    <message>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ran: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Context file: %1 (truncated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Context file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skill: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skill: %1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hook: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Thought for %n second(s)</source>
        <translation>
            <numerusform>Thought for %n second</numerusform>
            <numerusform>Thought for %n seconds</numerusform>
        </translation>
    </message>
    <message>
        <source>Thinking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reasoning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arguments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[exit code %1]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped before a result.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the result…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No output.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attachment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no type)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsupported part: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>(%n more character(s))</source>
        <translation>
            <numerusform>(%n more character)</numerusform>
            <numerusform>(%n more characters)</numerusform>
        </translation>
    </message>
    <message>
        <source>Open the image</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>… %n more row(s) not shown</source>
        <translation>
            <numerusform>… %n more row not shown</numerusform>
            <numerusform>… %n more rows not shown</numerusform>
        </translation>
    </message>
    <message>
        <source>… more rows not shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shortened for display.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show all (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the beginning (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting for your answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agent waits for your answer below the conversation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped by you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(run by the provider)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The agent asks %n questions</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The agent asks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submitted answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer below: arrows or 1–9 choose, Enter goes on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the question…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not answered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proposed plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the plan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the plan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The plan could not be loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Implement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Context cleared: the agent no longer sees the messages above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Context compacted: the agent sees a summary of the messages above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compacting the context…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgentDesk::PlainTextViewer</name>
    <message>
        <source>Copy All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading %1… %2 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n line(s)</source>
        <translation>
            <numerusform>%n line</numerusform>
            <numerusform>%n lines</numerusform>
        </translation>
    </message>
    <message>
        <source>very long lines are broken for display</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgentDesk::QuestionForm</name>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer the agent&apos;s question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgentDesk::QuestionNotifier</name>
    <message>
        <source>Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Agent asks: %1 (and %n more)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Agent asks: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgentDesk::QueuePanel</name>
    <message numerus="yes">
        <source>Queued — sent when the agent is done (%n)</source>
        <translation>
            <numerusform>Queued — sent when the agent is done (%n)</numerusform>
            <numerusform>Queued — sent when the agent is done (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>(attachment)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop waiting and send this message next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove from the queue</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgentDesk::RenameDialog</name>
    <message>
        <source>Rename Chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgentDesk::ScreenshotPortal</name>
    <message>
        <source>Screen capture needs a desktop session bus (D-Bus), and none is running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Screen capture needs xdg-desktop-portal with a screenshot backend (for example xdg-desktop-portal-gnome or -kde); none answered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The screenshot portal refused the request: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The screenshot could not be taken.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgentDesk::ScreenshotRunner</name>
    <message>
        <source>Please also add a short note about the export to the README.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgentDesk::SettingsDeploymentsPage</name>
    <message>
        <source>Deployments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;witch To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Forget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each deployment&apos;s session token is kept in the system keychain, never in the settings file.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgentDesk::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The desktop shows no tray icons.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget Deployment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out of %1 and remove its token from the keychain?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1 and its token from the keychain?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clearing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (signed in)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgentDesk::SettingsGeneralPage</name>
    <message>
        <source>General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Send key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter sends, Shift+Enter adds a line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Enter sends, Enter adds a line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Font size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> pt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Desktop default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new language is used from the next start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start AgentDesk when I log in (in the tray)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep running in the tray when the window closes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgentDesk::SettingsNotificationsPage</name>
    <message>
        <source>Notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notify me about chats I am not looking at:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When an agent finishes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When an agent fails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When an agent needs input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play a sound</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgentDesk::SettingsProviderKeysPage</name>
    <message>
        <source>Provider Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use your own API keys with the providers your administrator allows. A key is sent to the deployment and never stored on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste an API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with a &amp;Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in in Your &amp;Browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authorization callback (paste the address the browser ended on)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel Sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your key is set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Using the deployment&apos;s key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No key: add yours to use this provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your administrator does not allow personal keys for any provider.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Replace Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with %1 in your browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your %1 key is saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your %1 key is removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the code &lt;b&gt;%1&lt;/b&gt; at &lt;a href=&quot;%2&quot;&gt;%3&lt;/a&gt;. Waiting for you to approve…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in. The deployment keeps the credential.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in expired. Start over to try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in on the page that opened in your browser (&lt;a href=&quot;%1&quot;&gt;open it again&lt;/a&gt;). When it ends on an address that does not load, copy that address and paste it below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgentDesk::SettingsSkillsPage</name>
    <message>
        <source>Skills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personal skills are yours in every chat: type / in the message field to use one. A skill is Markdown with front matter that names it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>---
name: my-skill
description: What it does
---
Instructions for the agent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Skill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete Skill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save S&amp;kill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personal &amp;instructions (added to all your chats):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For example: Answer briefly. Use British spelling.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;Instructions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the skill does</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instructions for the agent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved the skill &quot;%1&quot;. Type /%1 in a message to use it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted the skill &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. Your chats use these instructions from now on.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgentDesk::SettingsStoragePage</name>
    <message>
        <source>Storage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Image and file cache:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In use:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measuring…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clear Cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attachments shown in chats are kept on disk so they open instantly; the least recently used go first when the cache is full. Drafts are never part of the cache.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgentDesk::ShareDialog</name>
    <message>
        <source>Share Chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People you share this chat with can read it, but not send, edit or stop anything.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search for a user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the user may do with the chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who has access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other access</source>
        <extracomment>An ACL entry whose stored rights are not a known role (§20.3.2)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 (group, %n members) — %2</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member added to chat.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group removed from chat.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member removed from chat.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgentDesk::SignInFlow</name>
    <message>
        <source>Your account is not a member of any organization.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgentDesk::SkillMenu</name>
    <message>
        <source>Summarize the conversation to free context</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the agent&apos;s context (the transcript stays)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>personal skill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>workspace skill</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgentDesk::ThumbnailProvider</name>
    <message>
        <source>file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgentDesk::TrayNotifier</name>
    <message>
        <source>Untitled chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AgentDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n unread chat(s)</source>
        <translation>
            <numerusform>%n unread chat</numerusform>
            <numerusform>%n unread chats</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n chat(s) need you</source>
        <translation>
            <numerusform>%n chat needs you</numerusform>
            <numerusform>%n chats need you</numerusform>
        </translation>
    </message>
    <message>
        <source>Needs you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show/Hide AgentDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agent has finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agent stopped with an error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agent needs your input.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgentDesk::WebSocketChannel</name>
    <message>
        <source>The server did not answer the connection within %1 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server redirected the live connection (status %1). Redirects are not followed, so your session token stays with the deployment.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Desktop client for Coder Agents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the bundled simulator and connect to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save screenshots of the main screens into &lt;dir&gt;, then quit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dir</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit after &lt;ms&gt; milliseconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass &lt;arg&gt; to the simulator in demo mode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>arg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>agentdesk://chat/&lt;id&gt; or https://&lt;deployment&gt;/agents/&lt;id&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the new-chat form (the desktop entry&apos;s action).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start in the tray without opening the window (start at login).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print one line with the start-up times once the chat list is complete and painted.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
