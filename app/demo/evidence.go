package demo

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"github.com/ownplan/ownplan/app"
	"github.com/ownplan/ownplan/app/money"
	"github.com/ownplan/ownplan/assets"
	"github.com/ownplan/ownplan/store"
)

func init() { register("evidence", fillEvidence) }

// demoLetter is one of the letters and reports in Zoë's evidence, made as a
// real PDF with a text layer so that search finds the words in it.
type demoLetter struct {
	item     store.EvidenceItem
	file     string   // the PDF's name
	sender   []string // the letterhead: name, then address lines
	subject  string
	body     []string // paragraphs; "{date}" and friends are filled in
	signOff  []string
	receipt  bool   // a small till receipt instead of a letter
	payee    string // for a receipt: the bank statement payee to link to
	fallback int64  // for a receipt: the amount when no transaction is found
}

// fillEvidence adds Zoë's letters: her assessment outcome and budget
// decision from Suffolk County Council, an OT report, a GP letter, a
// plan review, a complaint acknowledgement and two receipts linked to
// her budget's transactions when they exist. Dates are counted back
// from today, so the budget letter's reply-by date is always coming up.
func fillEvidence(ctx context.Context, a *app.App) error {
	today := store.Today()
	day := func(n int) store.Date { return today.AddDays(n) }
	council := []string{"Suffolk County Council", "Adult and Community Services", "Endeavour House", "8 Russell Road", "Ipswich IP1 2BX"}
	letters := []demoLetter{
		{
			item: store.EvidenceItem{Title: "Care Act assessment: outcome letter", Kind: "assessment", From: "Suffolk County Council",
				LetterDate: day(-75), Received: day(-72), Reference: Person.CouncilRef, Tags: []string{"council", "eligibility"},
				Notes: "Found eligible. Check they have included bad days: the letter says 'most days'.",
				Links: []store.EvidenceLink{{TargetKind: store.LinkPlanSection, TargetID: "eligible-needs"},
					{TargetKind: store.LinkOutcome, TargetID: "personal-hygiene"}, {TargetKind: store.LinkOutcome, TargetID: "home-safely"}}},
			file: "SCC assessment outcome.pdf", sender: council,
			subject: "Your Care Act assessment: the outcome",
			body: []string{
				"Thank you for meeting our social worker, Ms Hannah Reid, at your home on {minus82}. This letter tells you the outcome of your assessment under section 9 of the Care Act 2014.",
				"We have found that you have eligible needs for care and support. Because of your ME/CFS you are unable to achieve these outcomes in the Care and Support (Eligibility Criteria) Regulations 2015: maintaining personal hygiene; being able to make use of your home safely; managing and maintaining nutrition; and making use of necessary facilities or services in the local community, including public transport and recreational facilities.",
				"We considered the impact on your wellbeing, including your physical and mental health and your control over day-to-day life, and found it to be significant. We noted that your needs fluctuate and that on bad days you need help with transfers from two people.",
				"The next step is to agree a care and support plan with you and to work out your personal budget. If you disagree with this outcome you can ask us to look at it again, or make a complaint.",
			},
			signOff: []string{"Yours sincerely,", "", "Hannah Reid", "Social Worker, Ipswich Adult Care Team"},
		},
		{
			item: store.EvidenceItem{Title: "Personal budget decision: £18,200 a year", Kind: "decision", From: "Suffolk County Council",
				LetterDate: day(-9), Received: day(-7), Reference: Person.CouncilRef, Tags: []string{"council", "budget", "direct payment"},
				Deadline: day(12), DeadlineKind: app.DeadlineReplyBy,
				Notes: "Sign and send back the direct payment agreement. Ask Łukasz to check the hours before I sign.",
				Links: []store.EvidenceLink{{TargetKind: store.LinkPlanSection, TargetID: "my-money"}}},
			file: "SCC personal budget decision.pdf", sender: council,
			subject: "Your personal budget and direct payment",
			body: []string{
				"Following the review of your care and support plan on {minus42}, we have decided your personal budget. Your personal budget is £18,200.00 a year. You have asked to receive it as a direct payment, so that you can employ your personal assistants yourself.",
				"We will pay £1,400.00 every four weeks into your direct payment account. The amount includes the wages of your personal assistants for 23 hours a week, employer costs, a payroll service, employer's liability insurance, transport to appointments and swimming at the warm pool.",
				"Please sign and return the enclosed direct payment agreement by {deadline}. If you disagree with the amount or with how it was worked out, please tell us by the same date, giving your reasons. You can ask an advocate to help you.",
				"We will ask to see your direct payment account statements, receipts and timesheets every three months.",
			},
			signOff: []string{"Yours sincerely,", "", "Mark Ellis", "Direct Payments Team"},
		},
		{
			item: store.EvidenceItem{Title: "Occupational therapy report", Kind: "medical", From: "Ipswich Hospital",
				LetterDate: day(-40), Received: day(-36), Reference: "OT/26/4471", Tags: []string{"health", "home", "equipment"},
				Notes: "Supports the Disabled Facilities Grant application for the wet room and the lift.",
				Links: []store.EvidenceLink{{TargetKind: store.LinkPlanSection, TargetID: "my-needs"}, {TargetKind: store.LinkOutcome, TargetID: "home-safely"}}},
			file:    "Ipswich Hospital OT report.pdf",
			sender:  []string{"Ipswich Hospital", "Occupational Therapy Department", "Heath Road", "Ipswich IP4 5PD"},
			subject: "Occupational therapy assessment at home",
			body: []string{
				"I visited Zoë Ó Briain at her flat on {minus47} to assess her safety and independence at home.",
				"Zoë has ME/CFS with marked post-exertional malaise. On good days she can walk short distances indoors. On bad days, about three days a week, she cannot manage the stairs to the bathroom and transfers need two people.",
				"Recommendation: a through-floor lift and a level-access wet room with a shower chair, to be funded through a Disabled Facilities Grant. In the meantime a perching stool in the kitchen and a second grab rail by the toilet.",
				"Personal care should be planned for bad days, not average days: two people for transfers, and extra time for washing and dressing.",
			},
			signOff: []string{"Kind regards,", "", "Rachel Okafor", "Senior Occupational Therapist"},
		},
		{
			item: store.EvidenceItem{Title: "GP letter about ME/CFS and support needs", Kind: "medical", From: "Orwell Quay Surgery",
				LetterDate: day(-60), Received: day(-58), Tags: []string{"health"},
				Links: []store.EvidenceLink{{TargetKind: store.LinkPlanSection, TargetID: "my-needs"}}},
			file:    "GP letter.pdf",
			sender:  []string{"Orwell Quay Surgery", "Dr S. Patel", "2 Wherry Lane", "Ipswich IP4 1LG"},
			subject: "To whom it may concern: Zoë Ó Briain",
			body: []string{
				"Zoë has been my patient since 2019. She has a diagnosis of myalgic encephalomyelitis / chronic fatigue syndrome (ME/CFS), confirmed by the specialist service in 2020.",
				"Her symptoms fluctuate. Exertion, including personal care and meetings, is followed by a worsening of fatigue and pain that can last several days. She needs help with washing, dressing, preparing meals and getting to appointments, and she should not be expected to attend long meetings.",
				"In my opinion the support of her personal assistants is essential to her health and to preventing a further decline.",
			},
			signOff: []string{"Yours faithfully,", "", "Dr Sunita Patel", "General Practitioner"},
		},
		{
			item: store.EvidenceItem{Title: "Support plan review notes", Kind: "review", From: "Suffolk County Council",
				LetterDate: day(-42), Received: day(-35), Reference: Person.CouncilRef, Tags: []string{"council", "review"}},
			file: "SCC review notes.pdf", sender: council,
			subject: "Review of your care and support plan",
			body: []string{
				"Thank you for taking part in the review of your care and support plan on {minus42}. Present: you, your sister Aoife Ó Briain, your advocate Łukasz Nowak and your social worker.",
				"Agreed: your plan continues to meet your eligible needs. Your personal assistants will continue to support you on weekday mornings and at weekends. The council will refer you for an occupational therapy assessment about the bathroom and the stairs.",
				"Your next review will be within 12 months.",
			},
			signOff: []string{"Yours sincerely,", "", "Hannah Reid", "Social Worker"},
		},
		{
			item: store.EvidenceItem{Title: "Complaint acknowledgement: delay to OT assessment", Kind: "complaint", From: "Suffolk County Council",
				LetterDate: day(-20), Received: day(-18), Reference: "CF-2026-08812", Tags: []string{"council", "complaint"},
				Deadline: day(8), DeadlineKind: "answer-due",
				Notes: "If there is no answer by then, chase Customer Feedback (and copy in Łukasz)."},
			file:    "SCC complaint acknowledgement.pdf",
			sender:  []string{"Suffolk County Council", "Customer Feedback Team", "Endeavour House", "8 Russell Road", "Ipswich IP1 2BX"},
			subject: "Your complaint, reference CF-2026-08812",
			body: []string{
				"Thank you for your complaint received on {minus21} about the delay in arranging your occupational therapy assessment.",
				"We have asked the Head of Service for Adult Care in Ipswich to investigate. We aim to send you a full response within 20 working days, by {deadline}.",
				"If you are not satisfied with our final response, you can ask the Local Government and Social Care Ombudsman to look at your complaint.",
			},
			signOff: []string{"Yours sincerely,", "", "Customer Feedback Team"},
		},
		{
			item:    store.EvidenceItem{Title: "Taxi receipt: hospital appointment", Kind: "receipt", From: "A2B Taxis", Tags: []string{"transport", "receipts"}},
			file:    "A2B taxi receipt.pdf",
			sender:  []string{"A2B Taxis", "Ipswich", "01473 000111"},
			receipt: true, payee: "A2B TAXI", fallback: 18_00,
			body: []string{"Journey: Orwell Quay Road to Ipswich Hospital", "Passenger: Zoë", "Paid by debit card"},
		},
		{
			item:    store.EvidenceItem{Title: "Swimming receipt: warm pool session", Kind: "receipt", From: "Ipswich Leisure Centre", Tags: []string{"leisure", "receipts"}},
			file:    "Swim receipt.pdf",
			sender:  []string{"Ipswich Leisure Centre", "Fore Street Pool", "Ipswich"},
			receipt: true, payee: "SWIM", fallback: 6_20,
			body: []string{"Warm water session, 45 minutes", "Concession: disabled adult", "Paid by debit card"},
		},
	}
	dir, err := os.MkdirTemp("", "ownplan-demo-evidence-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	for _, l := range letters {
		if l.receipt {
			if err := demoLinkReceipt(ctx, a, &l); err != nil {
				return err
			}
		}
		pdf, err := l.render(today)
		if err != nil {
			return fmt.Errorf("%s: %w", l.file, err)
		}
		p := filepath.Join(dir, l.file)
		if err := os.WriteFile(p, pdf, 0o600); err != nil {
			return err
		}
		if _, err := a.AddEvidence(ctx, l.item, []string{p}); err != nil {
			return fmt.Errorf("%s: %w", l.item.Title, err)
		}
	}
	return nil
}

// demoLinkReceipt finds the budget transaction a receipt is for, links the
// receipt to it and takes its date and amount. Without a budget the
// receipt stands alone.
func demoLinkReceipt(ctx context.Context, a *app.App, l *demoLetter) error {
	l.item.LetterDate = store.Today().AddDays(-30)
	amount := l.fallback
	ids, err := a.EvidenceTransactionsByPayee(ctx, l.payee)
	if err != nil {
		return err
	}
	if len(ids) > 0 {
		link := store.EvidenceLink{TargetKind: store.LinkTransaction, TargetID: ids[len(ids)-1]}
		l.item.Links = append(l.item.Links, link)
		if t, ok, err := a.EvidenceTransaction(ctx, link.TargetID); err == nil && ok {
			l.item.LetterDate = t.Date
			if t.Amount != 0 {
				amount = max(t.Amount, -t.Amount)
			}
		}
	}
	l.item.Received = l.item.LetterDate
	l.body = append(l.body, "Total: "+money.Format(amount))
	return nil
}

// render makes the letter's PDF with Noto Sans, so that every character
// (ë, Ó, Ł, £) is in the text layer.
func (l demoLetter) render(today store.Date) ([]byte, error) {
	size := "A4"
	if l.receipt {
		size = "A6"
	}
	f := fpdf.New("P", "mm", size, "")
	f.SetCreationDate(l.item.LetterDate.Time(time.UTC))
	f.SetModificationDate(l.item.LetterDate.Time(time.UTC))
	f.SetCatalogSort(true)
	f.SetTitle(l.item.Title, true)
	f.SetAuthor(l.item.From, true)
	f.AddUTF8FontFromBytes("noto", "", assets.NotoSansRegular)
	f.AddUTF8FontFromBytes("noto", "B", assets.NotoSansBold)
	f.SetMargins(20, 18, 20)
	f.SetAutoPageBreak(true, 20)
	f.AddPage()
	fill := strings.NewReplacer(
		"{deadline}", app.FormatEvidenceDate(l.item.Deadline),
		"{minus82}", app.FormatEvidenceDate(today.AddDays(-82)),
		"{minus47}", app.FormatEvidenceDate(today.AddDays(-47)),
		"{minus42}", app.FormatEvidenceDate(today.AddDays(-42)),
		"{minus21}", app.FormatEvidenceDate(today.AddDays(-21)),
	)
	if l.receipt {
		f.SetMargins(8, 8, 8)
		f.SetXY(8, 8)
		f.SetFont("noto", "B", 13)
		f.MultiCell(0, 6, l.sender[0], "", "C", false)
		f.SetFont("noto", "", 9)
		f.MultiCell(0, 4.5, strings.Join(l.sender[1:], "\n"), "", "C", false)
		f.Ln(4)
		f.MultiCell(0, 5, "RECEIPT\n"+app.FormatEvidenceDate(l.item.LetterDate), "", "C", false)
		f.Ln(3)
		f.SetFont("noto", "", 10)
		for _, line := range l.body {
			f.MultiCell(0, 5.5, fill.Replace(line), "", "L", false)
		}
		f.Ln(3)
		f.MultiCell(0, 5, "Thank you", "", "C", false)
	} else {
		f.SetFont("noto", "B", 12)
		f.MultiCell(0, 6, l.sender[0], "", "R", false)
		f.SetFont("noto", "", 10)
		f.MultiCell(0, 5, strings.Join(l.sender[1:], "\n"), "", "R", false)
		f.Ln(8)
		f.SetFont("noto", "", 11)
		f.MultiCell(100, 5.5, Person.Name+"\n"+Person.Address+"\n"+Person.Postcode, "", "L", false)
		f.Ln(6)
		facts := "Date: " + app.FormatEvidenceDate(l.item.LetterDate)
		if l.item.Reference != "" {
			facts += "\nOur reference: " + l.item.Reference
		}
		f.MultiCell(0, 5.5, facts, "", "L", false)
		f.Ln(6)
		greeting := "Dear Zoë,"
		if strings.HasPrefix(l.subject, "To whom") {
			greeting = "Dear colleague,"
		}
		f.MultiCell(0, 6, greeting, "", "L", false)
		f.Ln(2)
		f.SetFont("noto", "B", 11)
		f.MultiCell(0, 6, l.subject, "", "L", false)
		f.Ln(2)
		f.SetFont("noto", "", 11)
		for _, p := range l.body {
			f.MultiCell(0, 6, fill.Replace(p), "", "L", false)
			f.Ln(3)
		}
		f.Ln(3)
		f.MultiCell(0, 6, strings.Join(l.signOff, "\n"), "", "L", false)
	}
	var b bytes.Buffer
	if err := f.Output(&b); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
