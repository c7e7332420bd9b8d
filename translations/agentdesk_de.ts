<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AgentDesk::ActionRequiredPanel</name>
    <message>
        <source>Results may be JSON; other text is sent as a string.</source>
        <translation>Ergebnisse dürfen JSON sein; anderer Text wird als Zeichenkette gesendet.</translation>
    </message>
    <message numerus="yes">
        <source>The agent waits for the result of %n tool call(s)</source>
        <translation>
            <numerusform>Der Agent wartet auf das Ergebnis von %n Werkzeugaufruf</numerusform>
            <numerusform>Der Agent wartet auf die Ergebnisse von %n Werkzeugaufrufen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Send Result(s)</source>
        <translation>
            <numerusform>Ergebnis senden</numerusform>
            <numerusform>Ergebnisse senden</numerusform>
        </translation>
    </message>
    <message>
        <source>Tool: %1</source>
        <translation>Werkzeug: %1</translation>
    </message>
    <message>
        <source>Result of %1</source>
        <translation>Ergebnis von %1</translation>
    </message>
    <message>
        <source>Report as an error</source>
        <translation>Als Fehler melden</translation>
    </message>
</context>
<context>
    <name>AgentDesk::ApiClient</name>
    <message>
        <source>No data for %1 ms.</source>
        <translation>Seit %1 ms keine Daten.</translation>
    </message>
    <message>
        <source>build information</source>
        <translation>Build-Informationen</translation>
    </message>
    <message>
        <source>user</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>organization list</source>
        <translation>Organisationsliste</translation>
    </message>
    <message>
        <source>workspace list</source>
        <translation>Workspace-Liste</translation>
    </message>
    <message>
        <source>chat list</source>
        <translation>Chatliste</translation>
    </message>
    <message>
        <source>chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <source>A pinned position starts at 1.</source>
        <translation>Eine angeheftete Position beginnt bei 1.</translation>
    </message>
    <message>
        <source>message list</source>
        <translation>Nachrichtenliste</translation>
    </message>
    <message>
        <source>message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>edited message</source>
        <translation>bearbeitete Nachricht</translation>
    </message>
    <message>
        <source>title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>An organization is needed to list models.</source>
        <translation>Zum Auflisten der Modelle wird eine Organisation benötigt.</translation>
    </message>
    <message>
        <source>model list</source>
        <translation>Modellliste</translation>
    </message>
    <message>
        <source>upload answer</source>
        <translation>Upload-Antwort</translation>
    </message>
    <message>
        <source>diff</source>
        <translation>Diff</translation>
    </message>
    <message>
        <source>prompt list</source>
        <translation>Prompt-Liste</translation>
    </message>
    <message>
        <source>cost summary</source>
        <translation>Kostenübersicht</translation>
    </message>
    <message>
        <source>sharing list</source>
        <translation>Freigabeliste</translation>
    </message>
    <message>
        <source>user list</source>
        <translation>Benutzerliste</translation>
    </message>
    <message>
        <source>AI spend</source>
        <translation>KI-Ausgaben</translation>
    </message>
    <message>
        <source>provider key list</source>
        <translation>Liste der Anbieterschlüssel</translation>
    </message>
    <message>
        <source>provider key</source>
        <translation>Anbieterschlüssel</translation>
    </message>
    <message>
        <source>sign-in grant</source>
        <translation>Anmeldefreigabe</translation>
    </message>
    <message>
        <source>MCP server list</source>
        <translation>MCP-Serverliste</translation>
    </message>
    <message>
        <source>MCP disconnect</source>
        <translation>MCP-Trennung</translation>
    </message>
    <message>
        <source>skill list</source>
        <translation>Skill-Liste</translation>
    </message>
    <message>
        <source>skill</source>
        <translation>Skill</translation>
    </message>
    <message>
        <source>personal instructions</source>
        <translation>persönliche Anweisungen</translation>
    </message>
    <message>
        <source>compaction thresholds</source>
        <translation>Verdichtungsschwellen</translation>
    </message>
</context>
<context>
    <name>AgentDesk::ApiError</name>
    <message>
        <source>The server rejected the request as invalid.</source>
        <translation>Der Server hat die Anfrage als ungültig abgelehnt.</translation>
    </message>
    <message>
        <source>You are signed out or your session has expired. Sign in again.</source>
        <translation>Sie sind abgemeldet oder Ihre Sitzung ist abgelaufen. Melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>You are not allowed to do this.</source>
        <translation>Dazu sind Sie nicht berechtigt.</translation>
    </message>
    <message>
        <source>Not found, or you do not have access.</source>
        <translation>Nicht gefunden, oder Sie haben keinen Zugriff.</translation>
    </message>
    <message>
        <source>The chat is not in a state that allows this right now.</source>
        <translation>Der Chat lässt das im Moment nicht zu.</translation>
    </message>
    <message>
        <source>The request is too large.</source>
        <translation>Die Anfrage ist zu groß.</translation>
    </message>
    <message>
        <source>Too many requests. Try again shortly.</source>
        <translation>Zu viele Anfragen. Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>The Coder deployment is unavailable right now (status %1).</source>
        <translation>Das Coder-Deployment ist gerade nicht verfügbar (Status %1).</translation>
    </message>
    <message>
        <source>The Coder deployment had an internal error (status %1).</source>
        <translation>Im Coder-Deployment ist ein interner Fehler aufgetreten (Status %1).</translation>
    </message>
    <message>
        <source>The server answered with status %1.</source>
        <translation>Der Server hat mit Status %1 geantwortet.</translation>
    </message>
    <message>
        <source>The Coder deployment refused the connection.</source>
        <translation>Das Coder-Deployment hat die Verbindung abgelehnt.</translation>
    </message>
    <message>
        <source>The Coder deployment&apos;s host name could not be found.</source>
        <translation>Der Hostname des Coder-Deployments wurde nicht gefunden.</translation>
    </message>
    <message>
        <source>A secure connection to the Coder deployment could not be made.</source>
        <translation>Es konnte keine sichere Verbindung zum Coder-Deployment hergestellt werden.</translation>
    </message>
    <message>
        <source>The Coder deployment closed the connection unexpectedly.</source>
        <translation>Das Coder-Deployment hat die Verbindung unerwartet geschlossen.</translation>
    </message>
    <message>
        <source>Could not reach the Coder deployment.</source>
        <translation>Das Coder-Deployment ist nicht erreichbar.</translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation>Die Anfrage wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The server sent a %1 this version of AgentDesk cannot read.</source>
        <extracomment>%1 names what was expected, e.g. &quot;chat list&quot;</extracomment>
        <translation>Der Server hat Daten (%1) gesendet, die diese AgentDesk-Version nicht lesen kann.</translation>
    </message>
    <message>
        <source>The Coder deployment did not answer in time.</source>
        <translation>Das Coder-Deployment hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>The Coder deployment sent a malformed answer.</source>
        <translation>Das Coder-Deployment hat eine fehlerhafte Antwort gesendet.</translation>
    </message>
    <message>
        <source>The Coder deployment redirected the request to an unencrypted address, %1. AgentDesk did not follow it, so your session token was not sent there.</source>
        <extracomment>%1 is the redirect target, e.g. http://coder.example.com/api/v2/users/me</extracomment>
        <translation>Das Coder-Deployment hat die Anfrage an eine unverschlüsselte Adresse umgeleitet, %1. AgentDesk ist der Umleitung nicht gefolgt, Ihr Sitzungstoken wurde also nicht dorthin gesendet.</translation>
    </message>
    <message>
        <source>The Coder deployment redirected the request to another address, %1. AgentDesk did not follow it, so your session token was not sent there.</source>
        <extracomment>%1 is the redirect target, e.g. https://other.example.net/api/v2/users/me</extracomment>
        <translation>Das Coder-Deployment hat die Anfrage an eine andere Adresse umgeleitet, %1. AgentDesk ist der Umleitung nicht gefolgt, Ihr Sitzungstoken wurde also nicht dorthin gesendet.</translation>
    </message>
    <message>
        <source>The Coder deployment&apos;s answer broke off after %1 of %2 bytes.</source>
        <translation>Die Antwort des Coder-Deployments brach nach %1 von %2 Bytes ab.</translation>
    </message>
    <message>
        <source>The Coder deployment&apos;s answer broke off after %1 bytes.</source>
        <translation>Die Antwort des Coder-Deployments brach nach %1 Bytes ab.</translation>
    </message>
    <message>
        <source>The server sent a malformed %1: it is not valid JSON.</source>
        <extracomment>%1 names what was expected, e.g. &quot;chat list&quot;</extracomment>
        <translation>Der Server hat fehlerhafte Daten gesendet (%1): kein gültiges JSON.</translation>
    </message>
</context>
<context>
    <name>AgentDesk::Application</name>
    <message>
        <source>The keychain could not be read: %1</source>
        <translation>Der Schlüsselbund konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>%1 on %2 (this session only)</source>
        <translation>%1 auf %2 (nur diese Sitzung)</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <source>The token could not be removed from the keychain: %1</source>
        <translation>Das Token konnte nicht aus dem Schlüsselbund entfernt werden: %1</translation>
    </message>
    <message>
        <source>Your session has ended: %1 no longer accepts your token (it expired or was revoked). Sign in again; your drafts are kept.</source>
        <translation>Ihre Sitzung ist beendet: %1 akzeptiert Ihr Token nicht mehr (es ist abgelaufen oder wurde widerrufen). Melden Sie sich erneut an; Ihre Entwürfe bleiben erhalten.</translation>
    </message>
</context>
<context>
    <name>AgentDesk::AttachmentStrip</name>
    <message>
        <source>Shrink and attach</source>
        <translation>Verkleinern und anhängen</translation>
    </message>
    <message>
        <source>The clipboard image could not be read.</source>
        <translation>Das Bild in der Zwischenablage konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>pasted-image-%1.png</source>
        <translation>eingefuegtes-bild-%1.png</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Dateien anhängen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop uploading %1</source>
        <translation>Hochladen von %1 abbrechen</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>%1 entfernen</translation>
    </message>
    <message>
        <source>%1 could not be uploaded: %2</source>
        <translation>%1 konnte nicht hochgeladen werden: %2</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <source>Uploading</source>
        <translation>Wird hochgeladen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Shrinking %1…</source>
        <translation>%1 wird verkleinert…</translation>
    </message>
    <message>
        <source>%1 could not be made small enough to attach.</source>
        <translation>%1 ließ sich nicht klein genug zum Anhängen machen.</translation>
    </message>
</context>
<context>
    <name>AgentDesk::AttachmentUploader</name>
    <message>
        <source>plain text</source>
        <translation>reiner Text</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>a PDF document</source>
        <translation>ein PDF-Dokument</translation>
    </message>
    <message>
        <source>an image (%1)</source>
        <translation>ein Bild (%1)</translation>
    </message>
    <message>
        <source>binary data of an unknown type</source>
        <translation>Binärdaten unbekannten Typs</translation>
    </message>
    <message>
        <source>%1 is empty: there is nothing to attach.</source>
        <translation>%1 ist leer: Es gibt nichts anzuhängen.</translation>
    </message>
    <message>
        <source>%1 is not an image: its content is %2.</source>
        <translation>%1 ist kein Bild: Der Inhalt ist %2.</translation>
    </message>
    <message>
        <source>%1 cannot be attached: its content is %2, and this deployment accepts only PNG, JPEG, GIF and WebP images.</source>
        <translation>%1 kann nicht angehängt werden: Der Inhalt ist %2, und dieses Deployment akzeptiert nur PNG-, JPEG-, GIF- und WebP-Bilder.</translation>
    </message>
    <message>
        <source>%1 cannot be attached: its content is %2. Images, text, Markdown, CSV, JSON and PDF files can be attached.</source>
        <translation>%1 kann nicht angehängt werden: Der Inhalt ist %2. Angehängt werden können Bilder sowie Text-, Markdown-, CSV-, JSON- und PDF-Dateien.</translation>
    </message>
    <message>
        <source>%1 is %2; the limit is %3.</source>
        <translation>%1 ist %2 groß; die Grenze liegt bei %3.</translation>
    </message>
    <message>
        <source>%1 cannot be attached: the file does not exist.</source>
        <translation>%1 kann nicht angehängt werden: Die Datei existiert nicht.</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 cannot be uploaded: not connected.</source>
        <translation>%1 kann nicht hochgeladen werden: keine Verbindung.</translation>
    </message>
    <message>
        <source>%1 is not a complete %2 image: it is damaged or cut short.</source>
        <translation>%1 ist kein vollständiges %2-Bild: Es ist beschädigt oder abgeschnitten.</translation>
    </message>
</context>
<context>
    <name>AgentDesk::ChatDirectory</name>
    <message>
        <source>Only a pinned chat can be moved among the pins.</source>
        <translation>Nur ein angehefteter Chat kann zwischen den angehefteten verschoben werden.</translation>
    </message>
    <message>
        <source>A title needs 1 to %1 characters.</source>
        <translation>Ein Titel braucht 1 bis %1 Zeichen.</translation>
    </message>
</context>
<context>
    <name>AgentDesk::ChatInfoBar</name>
    <message>
        <source>Context</source>
        <translation>Kontext</translation>
    </message>
    <message>
        <source>Instruction files, skills and MCP servers the agent uses</source>
        <translation>Anweisungsdateien, Skills und MCP-Server, die der Agent verwendet</translation>
    </message>
    <message>
        <source>Shared with you · read only</source>
        <translation>Mit Ihnen geteilt · nur lesen</translation>
    </message>
    <message>
        <source>Shared by %1 · read only</source>
        <translation>Geteilt von %1 · nur lesen</translation>
    </message>
    <message>
        <source>⏳ Waiting for capacity: the deployment runs as many agents as it allows. This chat starts when one finishes.</source>
        <translation>⏳ Warten auf Kapazität: Das Deployment führt so viele Agenten aus, wie es erlaubt. Dieser Chat startet, sobald einer fertig ist.</translation>
    </message>
    <message>
        <source>The workspace context could not be refreshed: %1</source>
        <translation>Der Workspace-Kontext konnte nicht aktualisiert werden: %1</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>The workspace context changed. Refreshing…</source>
        <translation>Der Workspace-Kontext hat sich geändert. Wird aktualisiert…</translation>
    </message>
    <message>
        <source>The workspace context changed</source>
        <translation>Der Workspace-Kontext hat sich geändert</translation>
    </message>
    <message>
        <source>Instruction files, skills or MCP servers in the workspace differ from what this chat uses. Refresh to use the new ones.</source>
        <translation>Anweisungsdateien, Skills oder MCP-Server im Workspace unterscheiden sich von denen dieses Chats. Aktualisieren Sie, um die neuen zu verwenden.</translation>
    </message>
    <message>
        <source>Context (%1)</source>
        <translation>Kontext (%1)</translation>
    </message>
</context>
<context>
    <name>AgentDesk::ChatListDelegate</name>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>Zusammengeführt</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Geschlossen</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <source>Pinned</source>
        <translation>Angeheftet</translation>
    </message>
    <message>
        <source>Needs you</source>
        <extracomment>Section of chats that wait for the user (a question or an error)</extracomment>
        <translation>Braucht Sie</translation>
    </message>
    <message>
        <source>Chats</source>
        <translation>Chats</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Archiviert</translation>
    </message>
    <message>
        <source>now</source>
        <extracomment>Relative time of the last activity, under a minute ago</extracomment>
        <translation>jetzt</translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <extracomment>Relative time in minutes, short form</extracomment>
        <translation>
            <numerusform>%n Min.</numerusform>
            <numerusform>%n Min.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <extracomment>Relative time in hours, short form</extracomment>
        <translation>
            <numerusform>%n Std.</numerusform>
            <numerusform>%n Std.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n d</source>
        <extracomment>Relative time in days, short form</extracomment>
        <translation>
            <numerusform>%n T.</numerusform>
            <numerusform>%n T.</numerusform>
        </translation>
    </message>
    <message>
        <source>Untitled chat</source>
        <translation>Chat ohne Titel</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>−%1</source>
        <extracomment>Diff statistics: lines removed, with a minus sign</extracomment>
        <translation>−%1</translation>
    </message>
    <message>
        <source>+%1</source>
        <translation>+%1</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Arbeitet…</translation>
    </message>
    <message>
        <source>Shared with you</source>
        <extracomment>Section of chats other users shared with the signed-in user (read only)</extracomment>
        <translation>Mit Ihnen geteilt</translation>
    </message>
    <message>
        <source>Plan</source>
        <extracomment>Marker on a chat in plan mode (chat list)</extracomment>
        <translation>Plan</translation>
    </message>
</context>
<context>
    <name>AgentDesk::ChatListView</name>
    <message>
        <source>Chats</source>
        <translation>Chats</translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation>Lösen</translation>
    </message>
    <message>
        <source>Pin</source>
        <translation>Anheften</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Umbenennen…</translation>
    </message>
    <message>
        <source>Regenerate title</source>
        <translation>Titel neu erzeugen</translation>
    </message>
    <message>
        <source>Mark as read</source>
        <translation>Als gelesen markieren</translation>
    </message>
    <message>
        <source>Mark as unread</source>
        <translation>Als ungelesen markieren</translation>
    </message>
    <message>
        <source>Labels…</source>
        <translation>Labels…</translation>
    </message>
    <message>
        <source>Unarchive</source>
        <translation>Aus dem Archiv holen</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Archivieren</translation>
    </message>
    <message>
        <source>Stop the agent first</source>
        <translation>Halten Sie zuerst den Agenten an</translation>
    </message>
    <message>
        <source>Archive (stop the agent first)</source>
        <extracomment>Disabled menu entry: a working chat cannot be archived</extracomment>
        <translation>Archivieren (erst den Agenten anhalten)</translation>
    </message>
</context>
<context>
    <name>AgentDesk::ChatView</name>
    <message>
        <source>Copy Text</source>
        <translation>Text kopieren</translation>
    </message>
    <message>
        <source>Copy as Markdown</source>
        <translation>Als Markdown kopieren</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message numerus="yes">
        <source>%n new message(s)</source>
        <translation>
            <numerusform>%n neue Nachricht</numerusform>
            <numerusform>%n neue Nachrichten</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AgentDesk::CommandPalette</name>
    <message>
        <source>Command Palette</source>
        <translation>Befehlspalette</translation>
    </message>
    <message>
        <source>Type a command</source>
        <translation>Befehl eingeben</translation>
    </message>
</context>
<context>
    <name>AgentDesk::ComposerWidget</name>
    <message>
        <source>No API key is configured for this provider.</source>
        <translation>Für diesen Anbieter ist kein API-Schlüssel eingerichtet.</translation>
    </message>
    <message>
        <source>This provider needs your own API key.</source>
        <translation>Dieser Anbieter braucht Ihren eigenen API-Schlüssel.</translation>
    </message>
    <message>
        <source>The provider&apos;s models could not be fetched.</source>
        <translation>Die Modelle des Anbieters konnten nicht abgerufen werden.</translation>
    </message>
    <message>
        <source>This model is not available.</source>
        <translation>Dieses Modell ist nicht verfügbar.</translation>
    </message>
    <message>
        <source>This model is not available (%1).</source>
        <translation>Dieses Modell ist nicht verfügbar (%1).</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <source>Send the message</source>
        <translation>Nachricht senden</translation>
    </message>
    <message>
        <source>Stop the agent</source>
        <translation>Agenten stoppen</translation>
    </message>
    <message>
        <source>Plan first</source>
        <translation>Erst planen</translation>
    </message>
    <message>
        <source>Ask the agent to propose a plan before it changes anything</source>
        <translation>Den Agenten bitten, einen Plan vorzuschlagen, bevor er etwas ändert</translation>
    </message>
    <message>
        <source>Agent is working — your message will be queued</source>
        <translation>Der Agent arbeitet — Ihre Nachricht wird eingereiht</translation>
    </message>
    <message>
        <source>Ctrl+Enter to send, Enter for a new line</source>
        <translation>Strg+Eingabe zum Senden, Eingabe für eine neue Zeile</translation>
    </message>
    <message>
        <source>Enter to send, Shift+Enter for a new line</source>
        <translation>Eingabe zum Senden, Umschalt+Eingabe für eine neue Zeile</translation>
    </message>
    <message>
        <source>Attach</source>
        <translation>Anhängen</translation>
    </message>
    <message>
        <source>Attach images or files</source>
        <translation>Bilder oder Dateien anhängen</translation>
    </message>
    <message>
        <source>Capture</source>
        <translation>Aufnehmen</translation>
    </message>
    <message>
        <source>Capture screen region</source>
        <translation>Bildschirmbereich aufnehmen</translation>
    </message>
    <message>
        <source>The screenshot could not be started.</source>
        <translation>Der Screenshot konnte nicht gestartet werden.</translation>
    </message>
    <message>
        <source>Screen capture is not available: %1</source>
        <translation>Bildschirmaufnahme ist nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>Waiting for attachments to upload</source>
        <translation>Warte auf das Hochladen der Anhänge</translation>
    </message>
    <message>
        <source>Ctrl+Shift+M</source>
        <translation>Ctrl+Shift+M</translation>
    </message>
    <message>
        <source>Ctrl+Shift+E</source>
        <translation>Ctrl+Shift+E</translation>
    </message>
    <message>
        <source>Model (%1)</source>
        <translation>Modell (%1)</translation>
    </message>
    <message>
        <source>Reasoning effort (%1)</source>
        <translation>Denkaufwand (%1)</translation>
    </message>
</context>
<context>
    <name>AgentDesk::ConnectDialog</name>
    <message>
        <source>Sign in to Coder</source>
        <translation>Bei Coder anmelden</translation>
    </message>
    <message>
        <source>Enter the address of your Coder deployment and a session token.</source>
        <translation>Geben Sie die Adresse Ihres Coder-Deployments und ein Sitzungstoken ein.</translation>
    </message>
    <message>
        <source>https://coder.example.com</source>
        <translation>https://coder.example.com</translation>
    </message>
    <message>
        <source>Deployment URL</source>
        <translation>Deployment-URL</translation>
    </message>
    <message>
        <source>Session token</source>
        <translation>Sitzungstoken</translation>
    </message>
    <message>
        <source>Create a session token in your browser</source>
        <translation>Sitzungstoken im Browser erstellen</translation>
    </message>
    <message>
        <source>Send my token over unencrypted http anyway</source>
        <translation>Mein Token trotzdem über unverschlüsseltes http senden</translation>
    </message>
    <message>
        <source>Keep the token for this session only</source>
        <translation>Token nur für diese Sitzung behalten</translation>
    </message>
    <message>
        <source>The token is kept in memory and forgotten when AgentDesk quits.</source>
        <translation>Das Token bleibt im Arbeitsspeicher und wird beim Beenden von AgentDesk vergessen.</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Enter the address of your Coder deployment.</source>
        <translation>Geben Sie die Adresse Ihres Coder-Deployments ein.</translation>
    </message>
    <message>
        <source>“%1” is not an http or https address.</source>
        <translation>„%1“ ist keine http- oder https-Adresse.</translation>
    </message>
    <message>
        <source>%1 uses plain http: your session token would cross the network unencrypted. Use https, or confirm below that you accept the risk.</source>
        <translation>%1 verwendet reines http: Ihr Sitzungstoken würde unverschlüsselt übertragen. Verwenden Sie https oder bestätigen Sie unten, dass Sie das Risiko eingehen.</translation>
    </message>
    <message>
        <source>Enter a session token. You can create one on the deployment&apos;s token page.</source>
        <translation>Geben Sie ein Sitzungstoken ein. Sie können eines auf der Token-Seite des Deployments erstellen.</translation>
    </message>
    <message>
        <source>Contacting the deployment…</source>
        <translation>Deployment wird kontaktiert…</translation>
    </message>
    <message>
        <source>Checking the token…</source>
        <translation>Token wird geprüft…</translation>
    </message>
    <message>
        <source>Looking for Coder Agents…</source>
        <translation>Suche nach Coder Agents…</translation>
    </message>
    <message>
        <source>Loading organizations…</source>
        <translation>Organisationen werden geladen…</translation>
    </message>
    <message>
        <source>Choose an organization, then connect.</source>
        <translation>Wählen Sie eine Organisation und verbinden Sie sich dann.</translation>
    </message>
    <message>
        <source>No place to keep the token.</source>
        <translation>Kein Ort zum Aufbewahren des Tokens.</translation>
    </message>
    <message>
        <source>Saving the token…</source>
        <translation>Token wird gespeichert…</translation>
    </message>
    <message>
        <source>No keychain service is available to store the token (%1). Tick “Keep the token for this session only” to continue without saving it.</source>
        <translation>Kein Schlüsselbunddienst zum Speichern des Tokens verfügbar (%1). Wählen Sie „Token nur für diese Sitzung behalten“, um ohne Speichern fortzufahren.</translation>
    </message>
    <message>
        <source>Access to the keychain was refused. The token was not saved.</source>
        <translation>Der Zugriff auf den Schlüsselbund wurde verweigert. Das Token wurde nicht gespeichert.</translation>
    </message>
    <message>
        <source>The token could not be saved in the keychain: %1</source>
        <translation>Das Token konnte nicht im Schlüsselbund gespeichert werden: %1</translation>
    </message>
    <message>
        <source>&amp;Deployment URL:</source>
        <translation>&amp;Deployment-URL:</translation>
    </message>
    <message>
        <source>Session &amp;token:</source>
        <translation>Sitzungs&amp;token:</translation>
    </message>
    <message>
        <source>&amp;Organization:</source>
        <translation>&amp;Organisation:</translation>
    </message>
    <message>
        <source>Loading models…</source>
        <translation>Modelle werden geladen…</translation>
    </message>
</context>
<context>
    <name>AgentDesk::ContextGauge</name>
    <message>
        <source>Context used</source>
        <translation>Belegter Kontext</translation>
    </message>
    <message>
        <source>Context: %1 of %2 tokens (%3 %)</source>
        <translation>Kontext: %1 von %2 Tokens (%3 %)</translation>
    </message>
    <message>
        <source>Input: %1</source>
        <translation>Eingabe: %1</translation>
    </message>
    <message>
        <source>Output: %1</source>
        <translation>Ausgabe: %1</translation>
    </message>
    <message>
        <source>Cache read: %1</source>
        <translation>Aus dem Cache gelesen: %1</translation>
    </message>
    <message>
        <source>Cache write: %1</source>
        <translation>In den Cache geschrieben: %1</translation>
    </message>
    <message>
        <source>Reasoning: %1</source>
        <translation>Überlegungen: %1</translation>
    </message>
    <message>
        <source>Coder compacts automatically at %1 %.</source>
        <translation>Coder verdichtet automatisch bei %1 %.</translation>
    </message>
    <message>
        <source>Click to compact the conversation now.</source>
        <translation>Klicken, um die Unterhaltung jetzt zu verdichten.</translation>
    </message>
    <message>
        <source>%1 %</source>
        <comment>context gauge percent</comment>
        <translation>%1 %</translation>
    </message>
</context>
<context>
    <name>AgentDesk::ContextPopover</name>
    <message>
        <source>instruction file</source>
        <translation>Anweisungsdatei</translation>
    </message>
    <message>
        <source>skill</source>
        <translation>Skill</translation>
    </message>
    <message>
        <source>MCP configuration</source>
        <translation>MCP-Konfiguration</translation>
    </message>
    <message>
        <source>MCP server</source>
        <translation>MCP-Server</translation>
    </message>
    <message>
        <source>too large, left out</source>
        <translation>zu groß, ausgelassen</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>nicht lesbar</translation>
    </message>
    <message>
        <source>invalid</source>
        <translation>ungültig</translation>
    </message>
    <message>
        <source>excluded</source>
        <translation>ausgeschlossen</translation>
    </message>
    <message>
        <source>Workspace context</source>
        <translation>Workspace-Kontext</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Tools: %1</source>
        <translation>Werkzeuge: %1</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>This chat has no workspace context yet.</source>
        <translation>Dieser Chat hat noch keinen Workspace-Kontext.</translation>
    </message>
    <message>
        <source>The workspace context changed since this chat pinned it.</source>
        <translation>Der Workspace-Kontext hat sich geändert, seit dieser Chat ihn festgelegt hat.</translation>
    </message>
    <message>
        <source>No instruction files, skills or MCP servers.</source>
        <translation>Keine Anweisungsdateien, Skills oder MCP-Server.</translation>
    </message>
</context>
<context>
    <name>AgentDesk::ConversationWidget</name>
    <message>
        <source>Select a chat or start a new one (Ctrl+N)</source>
        <translation>Wählen Sie einen Chat oder beginnen Sie einen neuen (Strg+N)</translation>
    </message>
    <message>
        <source>Editing an earlier message. Sending replaces it and everything after it.</source>
        <translation>Sie bearbeiten eine frühere Nachricht. Beim Senden wird sie mit allem, was danach kam, ersetzt.</translation>
    </message>
    <message>
        <source>Cancel Editing</source>
        <translation>Bearbeiten abbrechen</translation>
    </message>
    <message>
        <source>No chat is open.</source>
        <translation>Kein Chat ist geöffnet.</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Nicht gesendet: %1</translation>
    </message>
    <message>
        <source>Connection lost. Reconnecting…</source>
        <translation>Verbindung verloren. Verbinde erneut…</translation>
    </message>
    <message>
        <source>Offline: live updates stopped.</source>
        <translation>Offline: Live-Aktualisierungen angehalten.</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Provider: %1</source>
        <translation>Anbieter: %1</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <source>Kind: %1</source>
        <translation>Art: %1</translation>
    </message>
    <message>
        <source>%1 — retrying now (attempt %2)</source>
        <translation>%1 — neuer Versuch jetzt (Versuch %2)</translation>
    </message>
    <message numerus="yes">
        <source>%1 — retrying in %n s (attempt %2)</source>
        <translation>
            <numerusform>%1 — neuer Versuch in %n s (Versuch %2)</numerusform>
            <numerusform>%1 — neuer Versuch in %n s (Versuch %2)</numerusform>
        </translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Verbinde erneut…</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Startet…</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Arbeitet…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Stoppt…</translation>
    </message>
    <message>
        <source>Needs your input</source>
        <translation>Braucht Ihre Eingabe</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Provider overloaded</source>
        <translation>Anbieter überlastet</translation>
    </message>
    <message>
        <source>Rate limited by the provider</source>
        <translation>Vom Anbieter gedrosselt</translation>
    </message>
    <message>
        <source>The provider timed out</source>
        <translation>Zeitüberschreitung beim Anbieter</translation>
    </message>
    <message>
        <source>The provider rejected the credentials</source>
        <translation>Der Anbieter hat die Zugangsdaten abgelehnt</translation>
    </message>
    <message>
        <source>The model is misconfigured</source>
        <translation>Das Modell ist falsch konfiguriert</translation>
    </message>
    <message>
        <source>Usage limit reached</source>
        <translation>Nutzungsgrenze erreicht</translation>
    </message>
    <message>
        <source>No API key for this provider</source>
        <translation>Kein API-Schlüssel für diesen Anbieter</translation>
    </message>
    <message>
        <source>The provider is disabled</source>
        <translation>Der Anbieter ist deaktiviert</translation>
    </message>
    <message>
        <source>Blocked by the provider&apos;s content filter</source>
        <translation>Vom Inhaltsfilter des Anbieters blockiert</translation>
    </message>
    <message>
        <source>Stopped by a hook</source>
        <translation>Von einem Hook gestoppt</translation>
    </message>
    <message>
        <source>The agent ran into an error</source>
        <translation>Beim Agenten ist ein Fehler aufgetreten</translation>
    </message>
    <message>
        <source>image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <source>Warnings from Coder about this chat; the chat still works.</source>
        <translation>Warnungen von Coder zu diesem Chat; der Chat funktioniert weiterhin.</translation>
    </message>
    <message>
        <source>Plan mode</source>
        <extracomment>Header marker of a chat in plan mode</extracomment>
        <translation>Planmodus</translation>
    </message>
    <message>
        <source>The agent plans and proposes; it changes nothing until you implement the plan.</source>
        <translation>Der Agent plant und schlägt vor; er ändert nichts, bis Sie den Plan umsetzen.</translation>
    </message>
    <message>
        <source>Compact</source>
        <translation>Verdichten</translation>
    </message>
    <message>
        <source>Summarize the conversation so far to free the context</source>
        <translation>Die bisherige Unterhaltung zusammenfassen, um Kontext freizugeben</translation>
    </message>
    <message>
        <source>Plan mode could not be changed: %1</source>
        <translation>Der Planmodus konnte nicht geändert werden: %1</translation>
    </message>
    <message>
        <source>Clear Context</source>
        <translation>Kontext leeren</translation>
    </message>
    <message>
        <source>Clear the agent&apos;s context?</source>
        <translation>Den Kontext des Agenten leeren?</translation>
    </message>
    <message>
        <source>The conversation stays in the transcript, but the agent no longer sees it in later turns.</source>
        <translation>Die Unterhaltung bleibt im Verlauf, aber der Agent sieht sie in späteren Runden nicht mehr.</translation>
    </message>
    <message>
        <source>Clearing works while the agent is idle with nothing queued, and only when something was said since the last compaction or clear.</source>
        <translation>Leeren geht, solange der Agent untätig ist und nichts in der Warteschlange steht, und nur, wenn seit dem letzten Verdichten oder Leeren etwas gesagt wurde.</translation>
    </message>
    <message>
        <source>Compacting works while the agent is idle or stopped with an error, and only when something was said since the last compaction or clear.</source>
        <translation>Verdichten geht, solange der Agent untätig ist oder mit einem Fehler angehalten hat, und nur, wenn seit dem letzten Verdichten oder Leeren etwas gesagt wurde.</translation>
    </message>
    <message>
        <source>This Coder server cannot compact or clear chats (Coder 2.37 or newer can).</source>
        <translation>Dieser Coder-Server kann Chats nicht verdichten oder leeren (ab Coder 2.37 möglich).</translation>
    </message>
    <message>
        <source>Could not clear the context: %1</source>
        <translation>Der Kontext konnte nicht geleert werden: %1</translation>
    </message>
    <message>
        <source>Could not compact: %1</source>
        <translation>Verdichten nicht möglich: %1</translation>
    </message>
    <message>
        <source>$%1</source>
        <extracomment>An amount in US dollars; %1 is the number</extracomment>
        <translation>%1 $</translation>
    </message>
    <message numerus="yes">
        <source>Cost of this chat and its sub-agents: %1 over %n request(s)</source>
        <translation>
            <numerusform>Kosten dieses Chats und seiner Sub-Agenten: %1 für %n Anfrage</numerusform>
            <numerusform>Kosten dieses Chats und seiner Sub-Agenten: %1 für %n Anfragen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) had no price and are not counted.</source>
        <translation>
            <numerusform>%n Anfrage hatte keinen Preis und ist nicht mitgezählt.</numerusform>
            <numerusform>%n Anfragen hatten keinen Preis und sind nicht mitgezählt.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AgentDesk::DemoSimulator</name>
    <message>
        <source>agentdesk-sim was not found. Build it, or point AGENTDESK_SIM to it.</source>
        <translation>agentdesk-sim wurde nicht gefunden. Bauen Sie es oder setzen Sie AGENTDESK_SIM auf seinen Pfad.</translation>
    </message>
    <message>
        <source>agentdesk-sim could not start: %1</source>
        <translation>agentdesk-sim konnte nicht starten: %1</translation>
    </message>
    <message>
        <source>agentdesk-sim answered unexpectedly: %1</source>
        <translation>agentdesk-sim hat unerwartet geantwortet: %1</translation>
    </message>
</context>
<context>
    <name>AgentDesk::DesktopNotifications</name>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
</context>
<context>
    <name>AgentDesk::DiffLineDelegate</name>
    <message>
        <source>new file</source>
        <translation>neue Datei</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>gelöscht</translation>
    </message>
    <message>
        <source>renamed from %1</source>
        <translation>umbenannt von %1</translation>
    </message>
    <message>
        <source>copied from %1</source>
        <translation>kopiert von %1</translation>
    </message>
    <message>
        <source>%1, %2% similar</source>
        <translation>%1, %2 % ähnlich</translation>
    </message>
    <message>
        <source>binary file, not shown</source>
        <translation>Binärdatei, nicht angezeigt</translation>
    </message>
    <message>
        <source>mode %1 → %2</source>
        <translation>Modus %1 → %2</translation>
    </message>
    <message>
        <source>No newline at end of file</source>
        <translation>Kein Zeilenumbruch am Dateiende</translation>
    </message>
</context>
<context>
    <name>AgentDesk::DiffPanel</name>
    <message>
        <source>Merged</source>
        <translation>Zusammengeführt</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Geschlossen</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Fetch the chat&apos;s diff again</source>
        <translation>Diff des Chats erneut abrufen</translation>
    </message>
    <message>
        <source>checking…</source>
        <translation>wird geprüft…</translation>
    </message>
    <message>
        <source>Could not load the diff: %1</source>
        <translation>Der Diff konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>No changes yet.</source>
        <translation>Noch keine Änderungen.</translation>
    </message>
    <message>
        <source>No chat selected</source>
        <translation>Kein Chat ausgewählt</translation>
    </message>
    <message>
        <source>No pull request yet</source>
        <translation>Noch kein Pull-Request</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n Datei</numerusform>
            <numerusform>%n Dateien</numerusform>
        </translation>
    </message>
    <message>
        <source>Changes requested</source>
        <translation>Änderungen angefordert</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Genehmigt</translation>
    </message>
    <message numerus="yes">
        <source>%n reviewer(s)</source>
        <translation>
            <numerusform>%n Reviewer</numerusform>
            <numerusform>%n Reviewer</numerusform>
        </translation>
    </message>
    <message>
        <source>checked just now</source>
        <translation>gerade eben geprüft</translation>
    </message>
    <message numerus="yes">
        <source>checked %n min ago</source>
        <translation>
            <numerusform>vor %n Min. geprüft</numerusform>
            <numerusform>vor %n Min. geprüft</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>checked %n hour(s) ago</source>
        <translation>
            <numerusform>vor %n Stunde geprüft</numerusform>
            <numerusform>vor %n Stunden geprüft</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AgentDesk::DiffView</name>
    <message>
        <source>Changed files</source>
        <translation>Geänderte Dateien</translation>
    </message>
    <message>
        <source>Diff</source>
        <translation>Diff</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>Nebeneinander</translation>
    </message>
    <message>
        <source>Show old and new side by side</source>
        <translation>Alt und neu nebeneinander anzeigen</translation>
    </message>
    <message>
        <source>Next file</source>
        <translation>Nächste Datei</translation>
    </message>
    <message>
        <source>Previous file</source>
        <translation>Vorherige Datei</translation>
    </message>
    <message>
        <source>Next hunk</source>
        <translation>Nächster Abschnitt</translation>
    </message>
    <message>
        <source>Previous hunk</source>
        <translation>Vorheriger Abschnitt</translation>
    </message>
    <message>
        <source>Reading the diff…</source>
        <translation>Diff wird gelesen…</translation>
    </message>
    <message>
        <source>%1 (was %2)</source>
        <translation>%1 (vorher %2)</translation>
    </message>
    <message>
        <source>No changes</source>
        <translation>Keine Änderungen</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) changed</source>
        <extracomment>e.g. &quot;3 files changed, +120 −4&quot;</extracomment>
        <translation>
            <numerusform>%n Datei geändert</numerusform>
            <numerusform>%n Dateien geändert</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AgentDesk::DraftStore</name>
    <message>
        <source>Cannot create the drafts folder %1.</source>
        <translation>Der Entwurfsordner %1 kann nicht angelegt werden.</translation>
    </message>
</context>
<context>
    <name>AgentDesk::EffortPicker</name>
    <message>
        <source>Reasoning effort</source>
        <translation>Denkaufwand</translation>
    </message>
</context>
<context>
    <name>AgentDesk::ErrorBanner</name>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Hide details</source>
        <translation>Details ausblenden</translation>
    </message>
</context>
<context>
    <name>AgentDesk::FileCache</name>
    <message>
        <source>The file has no id.</source>
        <translation>Die Datei hat keine ID.</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Nicht verbunden.</translation>
    </message>
</context>
<context>
    <name>AgentDesk::ImageViewer</name>
    <message>
        <source>Zoom out</source>
        <translation>Verkleinern</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Vergrößern</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>100%</source>
        <translation>100 %</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Save As…</source>
        <translation>Speichern unter…</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>image.png</source>
        <translation>bild.png</translation>
    </message>
    <message>
        <source>Save Image</source>
        <translation>Bild speichern</translation>
    </message>
</context>
<context>
    <name>AgentDesk::LabelsDialog</name>
    <message>
        <source>Chat Labels</source>
        <translation>Chat-Labels</translation>
    </message>
    <message>
        <source>&amp;Labels (key:value, separated by commas):</source>
        <extracomment>key:value pairs separated by commas</extracomment>
        <translation>&amp;Labels (Schlüssel:Wert, durch Kommas getrennt):</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <source>For example: team:billing, priority:high. Leave empty to remove every label.</source>
        <translation>Zum Beispiel: team:billing, priority:high. Leer lassen, um alle Labels zu entfernen.</translation>
    </message>
</context>
<context>
    <name>AgentDesk::MainWindow</name>
    <message>
        <source>AgentDesk</source>
        <translation>AgentDesk</translation>
    </message>
    <message>
        <source>Search chats (Ctrl+K)</source>
        <extracomment>Placeholder of the chat search; title:, has_unread:, pr_status: … narrow it down</extracomment>
        <translation>Chats durchsuchen (Strg+K)</translation>
    </message>
    <message>
        <source>Search chats</source>
        <translation>Chats durchsuchen</translation>
    </message>
    <message>
        <source>&amp;New Chat…</source>
        <translation>&amp;Neuer Chat…</translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <source>&amp;Search Chats</source>
        <translation>Chats &amp;durchsuchen</translation>
    </message>
    <message>
        <source>Ctrl+K</source>
        <translation>Ctrl+K</translation>
    </message>
    <message>
        <source>Ne&amp;xt Chat</source>
        <translation>Nä&amp;chster Chat</translation>
    </message>
    <message>
        <source>Alt+Down</source>
        <translation>Alt+Down</translation>
    </message>
    <message>
        <source>Pre&amp;vious Chat</source>
        <translation>&amp;Vorheriger Chat</translation>
    </message>
    <message>
        <source>Alt+Up</source>
        <translation>Alt+Up</translation>
    </message>
    <message>
        <source>Go to &amp;Composer</source>
        <translation>Zum &amp;Eingabefeld</translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <source>&amp;Interrupt Agent</source>
        <translation>Agenten &amp;unterbrechen</translation>
    </message>
    <message>
        <source>Ctrl+.</source>
        <translation>Ctrl+.</translation>
    </message>
    <message>
        <source>&amp;Pin</source>
        <translation>&amp;Anheften</translation>
    </message>
    <message>
        <source>Ctrl+D</source>
        <translation>Ctrl+D</translation>
    </message>
    <message>
        <source>Move Pin &amp;Up</source>
        <translation>Nach &amp;oben verschieben</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Up</source>
        <translation>Ctrl+Shift+Up</translation>
    </message>
    <message>
        <source>Move Pin Do&amp;wn</source>
        <translation>Nach un&amp;ten verschieben</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Down</source>
        <translation>Ctrl+Shift+Down</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>&amp;Umbenennen…</translation>
    </message>
    <message>
        <source>Re&amp;generate Title</source>
        <translation>Titel neu &amp;erzeugen</translation>
    </message>
    <message>
        <source>Ctrl+Shift+F2</source>
        <translation>Ctrl+Shift+F2</translation>
    </message>
    <message>
        <source>Mark as &amp;Unread</source>
        <translation>Als unge&amp;lesen markieren</translation>
    </message>
    <message>
        <source>Ctrl+Shift+U</source>
        <translation>Ctrl+Shift+U</translation>
    </message>
    <message>
        <source>&amp;Labels…</source>
        <translation>&amp;Labels…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+L</source>
        <translation>Ctrl+Shift+L</translation>
    </message>
    <message>
        <source>&amp;Archive</source>
        <translation>Arc&amp;hivieren</translation>
    </message>
    <message>
        <source>Ctrl+Shift+A</source>
        <translation>Ctrl+Shift+A</translation>
    </message>
    <message>
        <source>Open in &amp;Browser</source>
        <translation>Im &amp;Browser öffnen</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>Show &amp;Archived Chats</source>
        <translation>&amp;Archivierte Chats anzeigen</translation>
    </message>
    <message>
        <source>Ctrl+Shift+H</source>
        <translation>Ctrl+Shift+H</translation>
    </message>
    <message>
        <source>&amp;Diff Panel</source>
        <translation>&amp;Diff-Bereich</translation>
    </message>
    <message>
        <source>Ctrl+Shift+D</source>
        <translation>Ctrl+Shift+D</translation>
    </message>
    <message>
        <source>Re&amp;load Chats</source>
        <translation>Chats neu &amp;laden</translation>
    </message>
    <message>
        <source>&amp;Command Palette…</source>
        <translation>&amp;Befehlspalette…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+P</source>
        <translation>Ctrl+Shift+P</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <source>Sign &amp;Out</source>
        <translation>Ab&amp;melden</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Q</source>
        <translation>Ctrl+Shift+Q</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Chat</source>
        <translation>&amp;Chat</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Gehe zu</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <source>Live</source>
        <extracomment>The chat list receives live updates</extracomment>
        <translation>Live</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Verbinde erneut…</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Chat list updates: %1</source>
        <translation>Aktualisierungen der Chatliste: %1</translation>
    </message>
    <message>
        <source>Un&amp;pin</source>
        <translation>&amp;Lösen</translation>
    </message>
    <message>
        <source>Un&amp;archive</source>
        <translation>Aus dem &amp;Archiv holen</translation>
    </message>
    <message>
        <source>Mark as &amp;Read</source>
        <translation>Als ge&amp;lesen markieren</translation>
    </message>
    <message>
        <source>Start at login could not be changed: %1</source>
        <translation>„Beim Anmelden starten“ konnte nicht geändert werden: %1</translation>
    </message>
    <message>
        <source>Chat %1 was not found on this deployment.</source>
        <translation>Chat %1 wurde auf diesem Server nicht gefunden.</translation>
    </message>
    <message>
        <source>Chat list out of date, retrying</source>
        <translation>Chatliste veraltet, neuer Versuch</translation>
    </message>
    <message>
        <source>The chat list could not be loaded: %1</source>
        <translation>Die Chatliste konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>Stop the agent first</source>
        <translation>Halten Sie zuerst den Agenten an</translation>
    </message>
    <message>
        <source>&amp;Share…</source>
        <translation>&amp;Teilen…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+S</source>
        <translation>Ctrl+Shift+S</translation>
    </message>
    <message>
        <source>Plan copied to the clipboard.</source>
        <translation>Plan in die Zwischenablage kopiert.</translation>
    </message>
    <message>
        <source>Plan &amp;Mode</source>
        <translation>Plan&amp;modus</translation>
    </message>
    <message>
        <source>&amp;Implement Plan</source>
        <translation>Plan &amp;umsetzen</translation>
    </message>
    <message>
        <source>Ctrl+Alt+I</source>
        <translation>Ctrl+Alt+I</translation>
    </message>
    <message>
        <source>Co&amp;mpact Context</source>
        <translation>Kontext &amp;verdichten</translation>
    </message>
    <message>
        <source>Ctrl+Alt+K</source>
        <translation>Ctrl+Alt+K</translation>
    </message>
    <message>
        <source>C&amp;lear Context…</source>
        <translation>Kontext l&amp;eeren…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+K</source>
        <translation>Ctrl+Shift+K</translation>
    </message>
    <message>
        <source>AI spend: %1 of %2 this month</source>
        <translation>KI-Ausgaben: %1 von %2 in diesem Monat</translation>
    </message>
    <message>
        <source>AI spend: %1 this month</source>
        <translation>KI-Ausgaben: %1 in diesem Monat</translation>
    </message>
    <message>
        <source>Resets on %1.</source>
        <translation>Wird am %1 zurückgesetzt.</translation>
    </message>
    <message>
        <source>Ctrl+Alt+P</source>
        <translation>Ctrl+Alt+P</translation>
    </message>
</context>
<context>
    <name>AgentDesk::McpPicker</name>
    <message>
        <source>MCP servers the agent may use</source>
        <translation>MCP-Server, die der Agent nutzen darf</translation>
    </message>
    <message>
        <source>The sign-in did not finish. Try Connect again.</source>
        <translation>Die Anmeldung wurde nicht abgeschlossen. Versuchen Sie es erneut mit „Verbinden“.</translation>
    </message>
    <message>
        <source>Always on</source>
        <translation>Immer an</translation>
    </message>
    <message>
        <source>On by default</source>
        <translation>Standardmäßig an</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Optional</translation>
    </message>
    <message>
        <source>MCP · %1</source>
        <translation>MCP · %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;MCP servers&lt;/b&gt;</source>
        <translation>&lt;b&gt;MCP-Server&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Sign-in needed</source>
        <translation>Anmeldung nötig</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Trennen</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>No MCP servers are available.</source>
        <translation>Es sind keine MCP-Server verfügbar.</translation>
    </message>
    <message>
        <source>Open this address in your browser to connect %1: %2</source>
        <translation>Öffnen Sie diese Adresse im Browser, um %1 zu verbinden: %2</translation>
    </message>
    <message>
        <source>Finish signing in to %1 in your browser. Waiting…</source>
        <translation>Schließen Sie die Anmeldung bei %1 im Browser ab. Warte…</translation>
    </message>
    <message>
        <source>Could not disconnect %1: %2</source>
        <translation>%1 konnte nicht getrennt werden: %2</translation>
    </message>
    <message>
        <source>Disconnected %1; the provider did not revoke the token: %2</source>
        <translation>%1 getrennt; der Anbieter hat das Token nicht widerrufen: %2</translation>
    </message>
</context>
<context>
    <name>AgentDesk::MessageDelegate</name>
    <message>
        <source>Reasoning</source>
        <translation>Überlegungen</translation>
    </message>
    <message>
        <source>Message text</source>
        <translation>Nachrichtentext</translation>
    </message>
</context>
<context>
    <name>AgentDesk::MessageEdit</name>
    <message>
        <source>Message the agent…</source>
        <translation>Nachricht an den Agenten…</translation>
    </message>
</context>
<context>
    <name>AgentDesk::ModelPicker</name>
    <message>
        <source>Add your API key in provider settings to enable models.</source>
        <translation>Fügen Sie Ihren API-Schlüssel in den Anbietereinstellungen hinzu, um Modelle freizuschalten.</translation>
    </message>
    <message>
        <source>The provider&apos;s models could not be fetched.</source>
        <translation>Die Modelle des Anbieters konnten nicht abgerufen werden.</translation>
    </message>
    <message>
        <source>This model is not available.</source>
        <translation>Dieses Modell ist nicht verfügbar.</translation>
    </message>
    <message>
        <source>This model is not available (%1).</source>
        <translation>Dieses Modell ist nicht verfügbar (%1).</translation>
    </message>
    <message>
        <source>No reasoning</source>
        <translation>Kein Nachdenken</translation>
    </message>
    <message>
        <source>Minimal effort</source>
        <translation>Minimaler Aufwand</translation>
    </message>
    <message>
        <source>Low effort</source>
        <translation>Geringer Aufwand</translation>
    </message>
    <message>
        <source>Medium effort</source>
        <translation>Mittlerer Aufwand</translation>
    </message>
    <message>
        <source>High effort</source>
        <translation>Hoher Aufwand</translation>
    </message>
    <message>
        <source>Extra high effort</source>
        <translation>Sehr hoher Aufwand</translation>
    </message>
    <message>
        <source>Maximum effort</source>
        <translation>Maximaler Aufwand</translation>
    </message>
    <message>
        <source>Search models</source>
        <translation>Modelle suchen</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Andere</translation>
    </message>
    <message>
        <source>%1 (default)</source>
        <translation>%1 (Standard)</translation>
    </message>
    <message>
        <source>Turned off by an administrator.</source>
        <translation>Von einem Administrator abgeschaltet.</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>AgentDesk::NewChatDialog</name>
    <message>
        <source>New Chat</source>
        <translation>Neuer Chat</translation>
    </message>
    <message>
        <source>What should the agent do?</source>
        <translation>Was soll der Agent tun?</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <source>Let the agent choose</source>
        <translation>Den Agenten wählen lassen</translation>
    </message>
    <message>
        <source>Default model</source>
        <translation>Standardmodell</translation>
    </message>
    <message>
        <source>Plan first</source>
        <translation>Erst planen</translation>
    </message>
    <message>
        <source>The agent proposes a plan before it changes anything.</source>
        <translation>Der Agent schlägt einen Plan vor, bevor er etwas ändert.</translation>
    </message>
    <message>
        <source>Start Chat</source>
        <translation>Chat starten</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>&amp;Workspace:</source>
        <translation>&amp;Workspace:</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>&amp;Modell:</translation>
    </message>
</context>
<context>
    <name>AgentDesk::PartRenderer</name>
    <message>
        <source>Image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <source>Image: %1</source>
        <translation>Bild: %1</translation>
    </message>
    <message>
        <source>ran: %1</source>
        <translation>ausgeführt: %1</translation>
    </message>
    <message>
        <source>Context file: %1 (truncated)</source>
        <translation>Kontextdatei: %1 (gekürzt)</translation>
    </message>
    <message>
        <source>Context file: %1</source>
        <translation>Kontextdatei: %1</translation>
    </message>
    <message>
        <source>Skill: %1</source>
        <translation>Skill: %1</translation>
    </message>
    <message>
        <source>Skill: %1 — %2</source>
        <translation>Skill: %1 — %2</translation>
    </message>
    <message>
        <source>Hook: %1</source>
        <translation>Hook: %1</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Arbeitet…</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Sie</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Tool</source>
        <translation>Werkzeug</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message numerus="yes">
        <source>Thought for %n second(s)</source>
        <translation>
            <numerusform>%n Sekunde nachgedacht</numerusform>
            <numerusform>%n Sekunden nachgedacht</numerusform>
        </translation>
    </message>
    <message>
        <source>Thinking…</source>
        <translation>Denkt nach…</translation>
    </message>
    <message>
        <source>Reasoning</source>
        <translation>Überlegungen</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>done</source>
        <translation>fertig</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>unterbrochen</translation>
    </message>
    <message>
        <source>tool</source>
        <translation>Werkzeug</translation>
    </message>
    <message>
        <source>Arguments</source>
        <translation>Argumente</translation>
    </message>
    <message>
        <source>[exit code %1]</source>
        <translation>[Exit-Code %1]</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Stopped before a result.</source>
        <translation>Vor einem Ergebnis gestoppt.</translation>
    </message>
    <message>
        <source>Waiting for the result…</source>
        <translation>Warte auf das Ergebnis…</translation>
    </message>
    <message>
        <source>No output.</source>
        <translation>Keine Ausgabe.</translation>
    </message>
    <message>
        <source>Result of %1</source>
        <translation>Ergebnis von %1</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Quellen</translation>
    </message>
    <message>
        <source>Attachment</source>
        <translation>Anhang</translation>
    </message>
    <message>
        <source>(no type)</source>
        <translation>(kein Typ)</translation>
    </message>
    <message>
        <source>Unsupported part: %1</source>
        <translation>Nicht unterstützter Teil: %1</translation>
    </message>
    <message>
        <source>%1 in</source>
        <translation>%1 ein</translation>
    </message>
    <message>
        <source>%1 out</source>
        <translation>%1 aus</translation>
    </message>
    <message>
        <source>%1 total</source>
        <translation>%1 gesamt</translation>
    </message>
    <message>
        <source>Tokens: %1</source>
        <translation>Tokens: %1</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet…</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Nicht gesendet: %1</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message numerus="yes">
        <source>(%n more character(s))</source>
        <translation>
            <numerusform>(%n weiteres Zeichen)</numerusform>
            <numerusform>(%n weitere Zeichen)</numerusform>
        </translation>
    </message>
    <message>
        <source>Open the image</source>
        <translation>Bild öffnen</translation>
    </message>
    <message numerus="yes">
        <source>… %n more row(s) not shown</source>
        <translation>
            <numerusform>… %n weitere Zeile nicht angezeigt</numerusform>
            <numerusform>… %n weitere Zeilen nicht angezeigt</numerusform>
        </translation>
    </message>
    <message>
        <source>… more rows not shown</source>
        <translation>… weitere Zeilen nicht angezeigt</translation>
    </message>
    <message>
        <source>Shortened for display.</source>
        <translation>Für die Anzeige gekürzt.</translation>
    </message>
    <message>
        <source>Show all (%1)</source>
        <translation>Alles anzeigen (%1)</translation>
    </message>
    <message>
        <source>Show the beginning (%1)</source>
        <translation>Den Anfang anzeigen (%1)</translation>
    </message>
    <message>
        <source>waiting for your answer</source>
        <translation>wartet auf Ihre Antwort</translation>
    </message>
    <message>
        <source>The agent waits for your answer below the conversation.</source>
        <translation>Der Agent wartet unter der Unterhaltung auf Ihre Antwort.</translation>
    </message>
    <message>
        <source>Stopped by you</source>
        <translation>Von Ihnen angehalten</translation>
    </message>
    <message>
        <source>(run by the provider)</source>
        <translation>(vom Anbieter ausgeführt)</translation>
    </message>
    <message numerus="yes">
        <source>The agent asks %n questions</source>
        <translation>
            <numerusform>Der Agent stellt %n Frage</numerusform>
            <numerusform>Der Agent stellt %n Fragen</numerusform>
        </translation>
    </message>
    <message>
        <source>The agent asks</source>
        <translation>Der Agent fragt</translation>
    </message>
    <message>
        <source>Submitted answer</source>
        <translation>Gesendete Antwort</translation>
    </message>
    <message>
        <source>Answer below: arrows or 1–9 choose, Enter goes on.</source>
        <translation>Antworten Sie unten: Pfeiltasten oder 1–9 wählen, Enter geht weiter.</translation>
    </message>
    <message>
        <source>Waiting for the question…</source>
        <translation>Warte auf die Frage…</translation>
    </message>
    <message>
        <source>Not answered.</source>
        <translation>Nicht beantwortet.</translation>
    </message>
    <message>
        <source>Proposed plan</source>
        <translation>Vorgeschlagener Plan</translation>
    </message>
    <message>
        <source>Writing the plan…</source>
        <translation>Der Plan wird geschrieben…</translation>
    </message>
    <message>
        <source>Loading the plan…</source>
        <translation>Der Plan wird geladen…</translation>
    </message>
    <message>
        <source>The plan could not be loaded.</source>
        <translation>Der Plan konnte nicht geladen werden.</translation>
    </message>
    <message>
        <source>Copy plan</source>
        <translation>Plan kopieren</translation>
    </message>
    <message>
        <source>Implement</source>
        <translation>Umsetzen</translation>
    </message>
    <message>
        <source>Context cleared: the agent no longer sees the messages above</source>
        <translation>Kontext geleert: Der Agent sieht die Nachrichten darüber nicht mehr</translation>
    </message>
    <message>
        <source>Context compacted: the agent sees a summary of the messages above</source>
        <translation>Kontext verdichtet: Der Agent sieht eine Zusammenfassung der Nachrichten darüber</translation>
    </message>
    <message>
        <source>Compacting the context…</source>
        <translation>Der Kontext wird verdichtet…</translation>
    </message>
</context>
<context>
    <name>AgentDesk::PlainTextViewer</name>
    <message>
        <source>Copy All</source>
        <translation>Alles kopieren</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Loading %1… %2 %</source>
        <translation>Lade %1 … %2 %</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s)</source>
        <translation>
            <numerusform>%n Zeile</numerusform>
            <numerusform>%n Zeilen</numerusform>
        </translation>
    </message>
    <message>
        <source>very long lines are broken for display</source>
        <translation>sehr lange Zeilen sind für die Anzeige umbrochen</translation>
    </message>
</context>
<context>
    <name>AgentDesk::QuestionForm</name>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Answer the agent&apos;s question</source>
        <translation>Die Frage des Agenten beantworten</translation>
    </message>
    <message>
        <source>Your answer</source>
        <translation>Ihre Antwort</translation>
    </message>
    <message>
        <source>Question %1 of %2</source>
        <translation>Frage %1 von %2</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Andere</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
</context>
<context>
    <name>AgentDesk::QuestionNotifier</name>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message numerus="yes">
        <source>Agent asks: %1 (and %n more)</source>
        <translation>
            <numerusform>Der Agent fragt: %1 (und %n weitere)</numerusform>
            <numerusform>Der Agent fragt: %1 (und %n weitere)</numerusform>
        </translation>
    </message>
    <message>
        <source>Agent asks: %1</source>
        <translation>Der Agent fragt: %1</translation>
    </message>
</context>
<context>
    <name>AgentDesk::QueuePanel</name>
    <message numerus="yes">
        <source>Queued — sent when the agent is done (%n)</source>
        <translation>
            <numerusform>Eingereiht — wird gesendet, wenn der Agent fertig ist (%n)</numerusform>
            <numerusform>Eingereiht — wird gesendet, wenn der Agent fertig ist (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>(attachment)</source>
        <translation>(Anhang)</translation>
    </message>
    <message>
        <source>Send now</source>
        <translation>Jetzt senden</translation>
    </message>
    <message>
        <source>Stop waiting and send this message next</source>
        <translation>Nicht mehr warten und diese Nachricht als Nächstes senden</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove from the queue</source>
        <translation>Aus der Warteschlange entfernen</translation>
    </message>
</context>
<context>
    <name>AgentDesk::RenameDialog</name>
    <message>
        <source>Rename Chat</source>
        <translation>Chat umbenennen</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
</context>
<context>
    <name>AgentDesk::ScreenshotPortal</name>
    <message>
        <source>Screen capture needs a desktop session bus (D-Bus), and none is running.</source>
        <translation>Bildschirmaufnahmen brauchen einen Sitzungsbus (D-Bus), und es läuft keiner.</translation>
    </message>
    <message>
        <source>Screen capture needs xdg-desktop-portal with a screenshot backend (for example xdg-desktop-portal-gnome or -kde); none answered.</source>
        <translation>Bildschirmaufnahmen brauchen xdg-desktop-portal mit einem Screenshot-Backend (zum Beispiel xdg-desktop-portal-gnome oder -kde); keines hat geantwortet.</translation>
    </message>
    <message>
        <source>The screenshot portal refused the request: %1</source>
        <translation>Das Screenshot-Portal hat die Anfrage abgelehnt: %1</translation>
    </message>
    <message>
        <source>The screenshot could not be taken.</source>
        <translation>Der Screenshot konnte nicht aufgenommen werden.</translation>
    </message>
</context>
<context>
    <name>AgentDesk::ScreenshotRunner</name>
    <message>
        <source>Please also add a short note about the export to the README.</source>
        <translation>Bitte ergänze auch einen kurzen Hinweis zum Export in der README.</translation>
    </message>
</context>
<context>
    <name>AgentDesk::SettingsDeploymentsPage</name>
    <message>
        <source>Deployments</source>
        <translation>Deployments</translation>
    </message>
    <message>
        <source>S&amp;witch To</source>
        <translation>&amp;Wechseln</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Forget</source>
        <translation>&amp;Vergessen</translation>
    </message>
    <message>
        <source>Each deployment&apos;s session token is kept in the system keychain, never in the settings file.</source>
        <translation>Das Sitzungstoken jedes Deployments liegt im Schlüsselbund des Systems, nie in der Einstellungsdatei.</translation>
    </message>
</context>
<context>
    <name>AgentDesk::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Follow the desktop</source>
        <translation>Wie die Arbeitsumgebung</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>The desktop shows no tray icons.</source>
        <translation>Die Arbeitsumgebung zeigt keine Symbole im Infobereich.</translation>
    </message>
    <message>
        <source>Forget Deployment</source>
        <translation>Deployment vergessen</translation>
    </message>
    <message>
        <source>Sign out of %1 and remove its token from the keychain?</source>
        <translation>Von %1 abmelden und das Token aus dem Schlüsselbund entfernen?</translation>
    </message>
    <message>
        <source>Remove %1 and its token from the keychain?</source>
        <translation>%1 und sein Token aus dem Schlüsselbund entfernen?</translation>
    </message>
    <message>
        <source>Forget</source>
        <translation>Vergessen</translation>
    </message>
    <message>
        <source>Clearing…</source>
        <translation>Wird geleert…</translation>
    </message>
    <message>
        <source>%1 (signed in)</source>
        <translation>%1 (angemeldet)</translation>
    </message>
</context>
<context>
    <name>AgentDesk::SettingsGeneralPage</name>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source>&amp;Send key:</source>
        <translation>&amp;Senden mit:</translation>
    </message>
    <message>
        <source>Enter sends, Shift+Enter adds a line</source>
        <translation>Eingabe sendet, Umschalt+Eingabe fügt eine Zeile ein</translation>
    </message>
    <message>
        <source>Ctrl+Enter sends, Enter adds a line</source>
        <translation>Strg+Eingabe sendet, Eingabe fügt eine Zeile ein</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Farbschema:</translation>
    </message>
    <message>
        <source>&amp;Font size:</source>
        <translation>Schrift&amp;größe:</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> pt</translation>
    </message>
    <message>
        <source>Desktop default</source>
        <translation>Standard der Arbeitsumgebung</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>Sp&amp;rache:</translation>
    </message>
    <message>
        <source>The new language is used from the next start.</source>
        <translation>Die neue Sprache gilt ab dem nächsten Start.</translation>
    </message>
    <message>
        <source>Start AgentDesk when I log in (in the tray)</source>
        <translation>AgentDesk beim Anmelden starten (im Infobereich)</translation>
    </message>
    <message>
        <source>Keep running in the tray when the window closes</source>
        <translation>Beim Schließen des Fensters im Infobereich weiterlaufen</translation>
    </message>
</context>
<context>
    <name>AgentDesk::SettingsNotificationsPage</name>
    <message>
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message>
        <source>Notify me about chats I am not looking at:</source>
        <translation>Über Chats benachrichtigen, die ich gerade nicht ansehe:</translation>
    </message>
    <message>
        <source>When an agent finishes</source>
        <translation>Wenn ein Agent fertig ist</translation>
    </message>
    <message>
        <source>When an agent fails</source>
        <translation>Wenn ein Agent scheitert</translation>
    </message>
    <message>
        <source>When an agent needs input</source>
        <translation>Wenn ein Agent eine Eingabe braucht</translation>
    </message>
    <message>
        <source>Play a sound</source>
        <translation>Einen Ton abspielen</translation>
    </message>
</context>
<context>
    <name>AgentDesk::SettingsProviderKeysPage</name>
    <message>
        <source>Provider Keys</source>
        <translation>Anbieterschlüssel</translation>
    </message>
    <message>
        <source>Use your own API keys with the providers your administrator allows. A key is sent to the deployment and never stored on this computer.</source>
        <translation>Verwenden Sie eigene API-Schlüssel bei den Anbietern, die Ihr Administrator erlaubt. Ein Schlüssel wird an das Deployment gesendet und nie auf diesem Computer gespeichert.</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Your key</source>
        <translation>Ihr Schlüssel</translation>
    </message>
    <message>
        <source>Paste an API key</source>
        <translation>API-Schlüssel einfügen</translation>
    </message>
    <message>
        <source>&amp;Save Key</source>
        <translation>Schlüssel &amp;speichern</translation>
    </message>
    <message>
        <source>&amp;Remove Key</source>
        <translation>Schlüssel &amp;entfernen</translation>
    </message>
    <message>
        <source>Sign in with a &amp;Code</source>
        <translation>Mit einem &amp;Code anmelden</translation>
    </message>
    <message>
        <source>Sign in in Your &amp;Browser</source>
        <translation>Im &amp;Browser anmelden</translation>
    </message>
    <message>
        <source>Authorization callback (paste the address the browser ended on)</source>
        <translation>Autorisierungs-Rückruf (die Adresse einfügen, auf der der Browser endete)</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>&amp;Abschließen</translation>
    </message>
    <message>
        <source>&amp;Cancel Sign-in</source>
        <translation>Anmeldung a&amp;bbrechen</translation>
    </message>
    <message>
        <source>Your key is set</source>
        <translation>Ihr Schlüssel ist hinterlegt</translation>
    </message>
    <message>
        <source>Using the deployment&apos;s key</source>
        <translation>Schlüssel des Deployments wird verwendet</translation>
    </message>
    <message>
        <source>No key: add yours to use this provider</source>
        <translation>Kein Schlüssel: Fügen Sie Ihren hinzu, um diesen Anbieter zu nutzen</translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation>Erneut anmelden</translation>
    </message>
    <message>
        <source>Your administrator does not allow personal keys for any provider.</source>
        <translation>Ihr Administrator erlaubt für keinen Anbieter persönliche Schlüssel.</translation>
    </message>
    <message>
        <source>&amp;Replace Key</source>
        <translation>Schlüssel &amp;ersetzen</translation>
    </message>
    <message>
        <source>Sign in with %1</source>
        <translation>Mit %1 anmelden</translation>
    </message>
    <message>
        <source>Sign in with %1 in your browser</source>
        <translation>Im Browser mit %1 anmelden</translation>
    </message>
    <message>
        <source>Your %1 key is saved.</source>
        <translation>Ihr %1-Schlüssel ist gespeichert.</translation>
    </message>
    <message>
        <source>Your %1 key is removed.</source>
        <translation>Ihr %1-Schlüssel ist entfernt.</translation>
    </message>
    <message>
        <source>Enter the code &lt;b&gt;%1&lt;/b&gt; at &lt;a href=&quot;%2&quot;&gt;%3&lt;/a&gt;. Waiting for you to approve…</source>
        <translation>Geben Sie den Code &lt;b&gt;%1&lt;/b&gt; auf &lt;a href=&quot;%2&quot;&gt;%3&lt;/a&gt; ein. Warte auf Ihre Freigabe…</translation>
    </message>
    <message>
        <source>Signed in. The deployment keeps the credential.</source>
        <translation>Angemeldet. Das Deployment verwahrt die Zugangsdaten.</translation>
    </message>
    <message>
        <source>The sign-in expired. Start over to try again.</source>
        <translation>Die Anmeldung ist abgelaufen. Beginnen Sie von vorn, um es erneut zu versuchen.</translation>
    </message>
    <message>
        <source>The sign-in was cancelled.</source>
        <translation>Die Anmeldung wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Sign in on the page that opened in your browser (&lt;a href=&quot;%1&quot;&gt;open it again&lt;/a&gt;). When it ends on an address that does not load, copy that address and paste it below.</source>
        <translation>Melden Sie sich auf der Seite an, die sich im Browser geöffnet hat (&lt;a href=&quot;%1&quot;&gt;erneut öffnen&lt;/a&gt;). Endet sie auf einer Adresse, die nicht lädt, kopieren Sie diese Adresse und fügen Sie sie unten ein.</translation>
    </message>
    <message>
        <source>Sign-in cancelled.</source>
        <translation>Anmeldung abgebrochen.</translation>
    </message>
</context>
<context>
    <name>AgentDesk::SettingsSkillsPage</name>
    <message>
        <source>Skills</source>
        <translation>Skills</translation>
    </message>
    <message>
        <source>Personal skills are yours in every chat: type / in the message field to use one. A skill is Markdown with front matter that names it.</source>
        <translation>Persönliche Skills stehen Ihnen in jedem Chat zur Verfügung: Tippen Sie / ins Nachrichtenfeld, um einen zu verwenden. Ein Skill ist Markdown mit einem Front-Matter-Kopf, der ihn benennt.</translation>
    </message>
    <message>
        <source>---
name: my-skill
description: What it does
---
Instructions for the agent.</source>
        <translation>---
name: mein-skill
description: Was er tut
---
Anweisungen für den Agenten.</translation>
    </message>
    <message>
        <source>&amp;New Skill</source>
        <translation>&amp;Neuer Skill</translation>
    </message>
    <message>
        <source>&amp;Delete Skill</source>
        <translation>Skill &amp;löschen</translation>
    </message>
    <message>
        <source>Save S&amp;kill</source>
        <translation>S&amp;kill speichern</translation>
    </message>
    <message>
        <source>Personal &amp;instructions (added to all your chats):</source>
        <translation>Persönliche &amp;Anweisungen (gelten für alle Ihre Chats):</translation>
    </message>
    <message>
        <source>For example: Answer briefly. Use British spelling.</source>
        <translation>Zum Beispiel: Antworte knapp. Verwende britische Schreibweise.</translation>
    </message>
    <message>
        <source>Save &amp;Instructions</source>
        <translation>Anweisungen s&amp;peichern</translation>
    </message>
    <message>
        <source>What the skill does</source>
        <translation>Was der Skill tut</translation>
    </message>
    <message>
        <source>Instructions for the agent.</source>
        <translation>Anweisungen für den Agenten.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Saved the skill &quot;%1&quot;. Type /%1 in a message to use it.</source>
        <translation>Skill „%1“ gespeichert. Tippen Sie /%1 in eine Nachricht, um ihn zu verwenden.</translation>
    </message>
    <message>
        <source>Deleted the skill &quot;%1&quot;.</source>
        <translation>Skill „%1“ gelöscht.</translation>
    </message>
    <message>
        <source>Saved. Your chats use these instructions from now on.</source>
        <translation>Gespeichert. Ihre Chats verwenden diese Anweisungen ab jetzt.</translation>
    </message>
</context>
<context>
    <name>AgentDesk::SettingsStoragePage</name>
    <message>
        <source>Storage</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <source>&amp;Image and file cache:</source>
        <translation>&amp;Bild- und Dateicache:</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source>In use:</source>
        <translation>Belegt:</translation>
    </message>
    <message>
        <source>Measuring…</source>
        <translation>Wird gemessen…</translation>
    </message>
    <message>
        <source>&amp;Clear Cache</source>
        <translation>Cache &amp;leeren</translation>
    </message>
    <message>
        <source>Attachments shown in chats are kept on disk so they open instantly; the least recently used go first when the cache is full. Drafts are never part of the cache.</source>
        <translation>Anhänge aus Chats werden auf der Festplatte gehalten, damit sie sofort öffnen; ist der Cache voll, gehen die am längsten nicht benutzten zuerst. Entwürfe gehören nie zum Cache.</translation>
    </message>
</context>
<context>
    <name>AgentDesk::ShareDialog</name>
    <message>
        <source>Share Chat</source>
        <translation>Chat teilen</translation>
    </message>
    <message>
        <source>People you share this chat with can read it, but not send, edit or stop anything.</source>
        <translation>Personen, mit denen Sie diesen Chat teilen, können ihn lesen, aber nichts senden, bearbeiten oder anhalten.</translation>
    </message>
    <message>
        <source>Search for a user</source>
        <translation>Nach einem Benutzer suchen</translation>
    </message>
    <message>
        <source>What the user may do with the chat</source>
        <translation>Was der Benutzer mit dem Chat tun darf</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>Who has access</source>
        <translation>Wer Zugriff hat</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Lesen</translation>
    </message>
    <message>
        <source>Other access</source>
        <extracomment>An ACL entry whose stored rights are not a known role (§20.3.2)</extracomment>
        <translation>Anderer Zugriff</translation>
    </message>
    <message>
        <source>Share “%1”</source>
        <translation>„%1“ teilen</translation>
    </message>
    <message numerus="yes">
        <source>%1 (group, %n members) — %2</source>
        <translation>
            <numerusform>%1 (Gruppe, %n Mitglied) — %2</numerusform>
            <numerusform>%1 (Gruppe, %n Mitglieder) — %2</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Only you</source>
        <translation>Nur Sie</translation>
    </message>
    <message>
        <source>Member added to chat.</source>
        <translation>Mitglied zum Chat hinzugefügt.</translation>
    </message>
    <message>
        <source>Group removed from chat.</source>
        <translation>Gruppe aus dem Chat entfernt.</translation>
    </message>
    <message>
        <source>Member removed from chat.</source>
        <translation>Mitglied aus dem Chat entfernt.</translation>
    </message>
</context>
<context>
    <name>AgentDesk::SignInFlow</name>
    <message>
        <source>Your account is not a member of any organization.</source>
        <translation>Ihr Konto gehört keiner Organisation an.</translation>
    </message>
</context>
<context>
    <name>AgentDesk::SkillMenu</name>
    <message>
        <source>Summarize the conversation to free context</source>
        <translation>Die Unterhaltung zusammenfassen, um Kontext freizugeben</translation>
    </message>
    <message>
        <source>Clear the agent&apos;s context (the transcript stays)</source>
        <translation>Den Kontext des Agenten leeren (der Verlauf bleibt)</translation>
    </message>
    <message>
        <source>command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <source>personal skill</source>
        <translation>persönlicher Skill</translation>
    </message>
    <message>
        <source>workspace skill</source>
        <translation>Workspace-Skill</translation>
    </message>
</context>
<context>
    <name>AgentDesk::ThumbnailProvider</name>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
</context>
<context>
    <name>AgentDesk::TrayNotifier</name>
    <message>
        <source>Untitled chat</source>
        <translation>Chat ohne Titel</translation>
    </message>
    <message>
        <source>AgentDesk</source>
        <translation>AgentDesk</translation>
    </message>
    <message numerus="yes">
        <source>%n unread chat(s)</source>
        <translation>
            <numerusform>%n ungelesener Chat</numerusform>
            <numerusform>%n ungelesene Chats</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n chat(s) need you</source>
        <translation>
            <numerusform>%n Chat braucht Sie</numerusform>
            <numerusform>%n Chats brauchen Sie</numerusform>
        </translation>
    </message>
    <message>
        <source>Needs you</source>
        <translation>Braucht Sie</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>Arbeitet</translation>
    </message>
    <message>
        <source>Show/Hide AgentDesk</source>
        <translation>AgentDesk anzeigen/ausblenden</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>The agent has finished.</source>
        <translation>Der Agent ist fertig.</translation>
    </message>
    <message>
        <source>The agent stopped with an error.</source>
        <translation>Der Agent wurde mit einem Fehler beendet.</translation>
    </message>
    <message>
        <source>The agent needs your input.</source>
        <translation>Der Agent braucht Ihre Eingabe.</translation>
    </message>
</context>
<context>
    <name>AgentDesk::WebSocketChannel</name>
    <message>
        <source>The server did not answer the connection within %1 s.</source>
        <translation>Der Server hat innerhalb von %1 s nicht auf die Verbindung geantwortet.</translation>
    </message>
    <message>
        <source>The server redirected the live connection (status %1). Redirects are not followed, so your session token stays with the deployment.</source>
        <translation>Der Server hat die Live-Verbindung umgeleitet (Status %1). Umleitungen werden nicht verfolgt, Ihr Sitzungstoken bleibt also beim Deployment.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Desktop client for Coder Agents</source>
        <translation>Desktop-Client für Coder Agents</translation>
    </message>
    <message>
        <source>Start the bundled simulator and connect to it.</source>
        <translation>Den mitgelieferten Simulator starten und sich damit verbinden.</translation>
    </message>
    <message>
        <source>Save screenshots of the main screens into &lt;dir&gt;, then quit.</source>
        <translation>Screenshots der Hauptansichten in &lt;dir&gt; speichern, dann beenden.</translation>
    </message>
    <message>
        <source>dir</source>
        <translation>verzeichnis</translation>
    </message>
    <message>
        <source>Quit after &lt;ms&gt; milliseconds.</source>
        <translation>Nach &lt;ms&gt; Millisekunden beenden.</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>Pass &lt;arg&gt; to the simulator in demo mode.</source>
        <translation>Im Demo-Modus &lt;arg&gt; an den Simulator übergeben.</translation>
    </message>
    <message>
        <source>arg</source>
        <translation>arg</translation>
    </message>
    <message>
        <source>agentdesk://chat/&lt;id&gt; or https://&lt;deployment&gt;/agents/&lt;id&gt;</source>
        <translation>agentdesk://chat/&lt;id&gt; oder https://&lt;deployment&gt;/agents/&lt;id&gt;</translation>
    </message>
    <message>
        <source>Open the new-chat form (the desktop entry&apos;s action).</source>
        <translation>Das Formular für einen neuen Chat öffnen (Aktion des Desktop-Eintrags).</translation>
    </message>
    <message>
        <source>Start in the tray without opening the window (start at login).</source>
        <translation>Im Infobereich starten, ohne das Fenster zu öffnen (Start beim Anmelden).</translation>
    </message>
    <message>
        <source>Print one line with the start-up times once the chat list is complete and painted.</source>
        <translation>Eine Zeile mit den Startzeiten ausgeben, sobald die Chatliste vollständig und gezeichnet ist.</translation>
    </message>
</context>
</TS>
