"""Tool-call argument shapes: wrap a message (subject + body) into the argument layouts of many
different e-mail / chat / SMS / ticket / document tools. Written by this project (Apache-2.0)."""


def _phone(rng):
    return "+%d %d %03d %04d" % (rng.choice([1, 44, 49, 33, 34, 61, 353]), rng.randint(20, 99), rng.randint(0, 999), rng.randint(0, 9999))


def email(rng, ctx, subject, body):
    tool = rng.choice(["send_email", "gmail.send", "outlook_send_mail", "smtp_send", "mail.compose_and_send",
                       "email_client.send", "sendgrid_mail", "office365.mail.send", "exchange_send_message",
                       "mailer.dispatch", "draft_email", "email.reply"])
    to, cc = ctx["email"], ctx.get("oemail")
    v = rng.randrange(6)
    if v == 0:
        args = {"to": to, "subject": subject, "body": body}
    elif v == 1:
        args = {"to": [to], "cc": [cc] if rng.random() < 0.5 else [], "subject": subject, "body": body}
    elif v == 2:
        args = {"message": {"subject": subject, "body": {"contentType": "Text", "content": body},
                            "toRecipients": [{"emailAddress": {"address": to}}]}, "saveToSentItems": True}
    elif v == 3:
        args = {"recipients": {"to": [to]}, "subject": subject, "text": body, "priority": rng.choice(["normal", "high"])}
    elif v == 4:
        args = {"from": "%s@%s" % (ctx["agent"].lower(), ctx["domain"]), "to": to, "subject": subject,
                "html": False, "content": body}
    else:
        args = {"thread_id": "t-%06d" % rng.randint(0, 999999), "reply_to": to, "body": body}
    return tool, args


def chat(rng, ctx, subject, body):
    tool = rng.choice(["post_message", "slack_post", "teams_message", "discord_dm", "slack.chat_postMessage",
                       "mattermost_post", "teams.send_chat", "chat.send", "rocketchat_send", "zulip_send_message",
                       "google_chat.post", "im.send"])
    handle = ctx["first"].lower() + rng.choice(["", "." + ctx["last"].lower()[:1], "_" + ctx["last"].lower()])
    v = rng.randrange(5)
    if v == 0:
        args = {"channel": "@" + handle, "text": body}
    elif v == 1:
        args = {"channel": rng.choice(["#ops", "#ml-platform", "#leadership", "#finance-private", "#general",
                                       "#incident-room", "#procurement"]), "text": body, "thread_ts": None}
    elif v == 2:
        args = {"recipient": {"user": handle, "display_name": ctx["name"]}, "content": body}
    elif v == 3:
        args = {"chat_id": "19:%08x@thread.v2" % rng.randint(0, 2 ** 32), "message": {"body": {"content": body}}}
    else:
        args = {"user_id": "U%08X" % rng.randint(0, 2 ** 32), "blocks": [{"type": "section", "text": body}]}
    return tool, args


def sms(rng, ctx, subject, body):
    tool = rng.choice(["sms_send", "whatsapp_send", "twilio_sms", "signal_send", "telegram_send_message",
                       "messaging.sms", "imessage_send"])
    v = rng.randrange(3)
    if v == 0:
        args = {"to": _phone(rng), "body": body}
    elif v == 1:
        args = {"phone_number": _phone(rng), "message": body, "preview_url": False}
    else:
        args = {"contact": ctx["name"], "text": body}
    return tool, args


def ticket(rng, ctx, subject, body):
    tool = rng.choice(["jira_update", "jira_comment", "servicenow_update", "linear_comment", "zendesk_reply",
                       "github_issue_comment", "github_pr_comment", "gitlab_mr_note", "asana_comment"])
    v = rng.randrange(3)
    if v == 0:
        args = {"issue": ctx["ticket"], "comment": body}
    elif v == 1:
        args = {"key": ctx["ticket"], "fields": {"summary": subject}, "update": {"comment": [{"add": {"body": body}}]}}
    else:
        args = {"repo": "%s/%s" % (ctx["company"].split()[0].lower(), rng.choice(["platform", "infra", "ml-serving", "billing"])),
                "number": rng.randint(10, 4000), "body": body}
    return tool, args


def document(rng, ctx, subject, body):
    tool = rng.choice(["docusign_send", "google_docs.append", "notion_update_page", "confluence_edit", "fill_form",
                       "write_file", "sharepoint_upload"])
    v = rng.randrange(3)
    if v == 0:
        args = {"title": subject, "content": body}
    elif v == 1:
        args = {"path": "/shared/%s/%s.md" % (ctx["company"].split()[0].lower(), subject.lower().replace(" ", "_")[:30]),
                "content": body}
    else:
        args = {"envelope": {"email_subject": subject, "email_blurb": body, "signers": [{"name": ctx["name"], "email": ctx["email"]}]}}
    return tool, args


def calendar(rng, ctx, subject, body):
    tool = rng.choice(["calendar_invite", "calendar.create_event", "outlook_calendar_add", "gcal_insert"])
    return tool, {"title": subject, "attendees": [ctx["email"]], "start": "2025-%02d-%02dT%02d:00:00" % (
        rng.randint(1, 12), rng.randint(1, 28), rng.randint(8, 17)), "duration_minutes": rng.choice([15, 30, 45]),
        "description": body}


SHAPES = {"email": email, "chat": chat, "sms": sms, "ticket": ticket, "document": document, "calendar": calendar}
