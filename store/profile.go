package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"unicode"
)

// profileID is the ID of the single profile record.
const profileID = "me"

// Profile is the person the data folder belongs to: the facts a council
// form asks for, and how they like to be communicated with.
type Profile struct {
	Name               string `json:"name"`
	PreferredName      string `json:"preferred_name"`
	DateOfBirth        Date   `json:"date_of_birth"`
	Address            string `json:"address"`
	Postcode           string `json:"postcode"`
	Council            string `json:"council"`
	CouncilRef         string `json:"council_ref"`
	NHSNumber          string `json:"nhs_number"`
	Phone              string `json:"phone"`
	Email              string `json:"email"`
	CommunicationNeeds string `json:"communication_needs"`
}

// ProfileField describes one field of Profile for forms and the CLI.
type ProfileField struct {
	Key   string // the name used in the database, JSON and the CLI
	Label string // plain-English label
	Hint  string // what to write, with any jargon explained
	Long  bool   // a paragraph rather than one line
}

// ProfileFields lists the profile's fields in the order forms show them.
var ProfileFields = []ProfileField{
	{"name", "Full name", "Your name as it appears on letters from the council.", false},
	{"preferred_name", "What you like to be called", "The name you want people to use, if it is different.", false},
	{"date_of_birth", "Date of birth", "Day, month and year, for example 23/04/1990 or 23 April 1990.", false},
	{"address", "Address", "Where you live and get your support.", true},
	{"postcode", "Postcode", "", false},
	{"council", "Council", "The council that pays for or arranges your support, for example Suffolk County Council.", false},
	{"council_ref", "Council reference", "The reference number on the council's letters to you (sometimes called a client, case or Mosaic number).", false},
	{"nhs_number", "NHS number", "10 digits, on letters from your GP or hospital. You can leave it blank.", false},
	{"phone", "Phone", "", false},
	{"email", "Email", "", false},
	{"communication_needs", "How to communicate with me", "For example: large print, easy read, email not phone calls, a British Sign Language interpreter, extra time to answer.", true},
}

// Get returns the value of the field named key as text.
func (p Profile) Get(key string) (string, bool) {
	switch key {
	case "name":
		return p.Name, true
	case "preferred_name":
		return p.PreferredName, true
	case "date_of_birth":
		return p.DateOfBirth.String(), true
	case "address":
		return p.Address, true
	case "postcode":
		return p.Postcode, true
	case "council":
		return p.Council, true
	case "council_ref":
		return p.CouncilRef, true
	case "nhs_number":
		return p.NHSNumber, true
	case "phone":
		return p.Phone, true
	case "email":
		return p.Email, true
	case "communication_needs":
		return p.CommunicationNeeds, true
	}
	return "", false
}

// Show returns the value of the field named key as a person reads and
// types it: like Get, but with dates written the UK way ("14 March
// 1992"). Set reads either form.
func (p Profile) Show(key string) (string, bool) {
	if key == "date_of_birth" {
		return p.DateOfBirth.Written(), true
	}
	return p.Get(key)
}

// Set changes the field named key from text, checking it makes sense.
func (p *Profile) Set(key, value string) error {
	value = strings.TrimSpace(value)
	switch key {
	case "name":
		p.Name = value
	case "preferred_name":
		p.PreferredName = value
	case "date_of_birth":
		d, err := ParseTypedDate(value)
		if err != nil {
			return fmt.Errorf("date of birth: %w", err)
		}
		if !d.IsZero() && (d.After(Today()) || d.Year < 1900) {
			return fmt.Errorf("date of birth: %s cannot be right; check the year", value)
		}
		p.DateOfBirth = d
	case "address":
		p.Address = value
	case "postcode":
		p.Postcode = strings.ToUpper(value)
	case "council":
		p.Council = value
	case "council_ref":
		p.CouncilRef = value
	case "nhs_number":
		n, err := NormaliseNHSNumber(value)
		if err != nil {
			return err
		}
		p.NHSNumber = n
	case "phone":
		p.Phone = value
	case "email":
		if value != "" && (!strings.Contains(value, "@") || strings.ContainsAny(value, " \t")) {
			return fmt.Errorf("email: %q does not look like an email address; it should look like name@example.com", value)
		}
		p.Email = value
	case "communication_needs":
		p.CommunicationNeeds = value
	default:
		keys := make([]string, len(ProfileFields))
		for i, f := range ProfileFields {
			keys[i] = f.Key
		}
		return fmt.Errorf("there is no profile field called %q; the fields are: %s", key, strings.Join(keys, ", "))
	}
	return nil
}

// NormaliseNHSNumber checks an NHS number's check digit (modulus 11) and
// returns it as "485 777 3456". An empty number is allowed.
func NormaliseNHSNumber(s string) (string, error) {
	var digits []int
	for _, r := range s {
		switch {
		case unicode.IsDigit(r):
			digits = append(digits, int(r-'0'))
		case r == ' ' || r == '-':
		default:
			return "", fmt.Errorf("NHS number: %q should only have digits; it is 10 digits long, like 485 777 3457", s)
		}
	}
	if len(digits) == 0 {
		return "", nil
	}
	if len(digits) != 10 {
		return "", fmt.Errorf("NHS number: %q has %d digits, but NHS numbers have 10; check the letter it is on", s, len(digits))
	}
	sum := 0
	for i := 0; i < 9; i++ {
		sum += digits[i] * (10 - i)
	}
	check := 11 - sum%11
	if check == 11 {
		check = 0
	}
	if check == 10 || check != digits[9] {
		return "", fmt.Errorf("NHS number: %q is not a valid NHS number (a digit may be mistyped); check the letter it is on", s)
	}
	return fmt.Sprintf("%d%d%d %d%d%d %d%d%d%d", digits[0], digits[1], digits[2],
		digits[3], digits[4], digits[5], digits[6], digits[7], digits[8], digits[9]), nil
}

// Profile returns the person's profile, and false when none has been
// made yet.
func (s *Store) Profile(ctx context.Context) (Profile, bool, error) {
	var p Profile
	var dob string
	err := s.db.QueryRowContext(ctx, `SELECT name, preferred_name, date_of_birth, address, postcode, council,
		council_ref, nhs_number, phone, email, communication_needs FROM profile WHERE id = ? AND deleted = 0`, profileID).
		Scan(&p.Name, &p.PreferredName, &dob, &p.Address, &p.Postcode, &p.Council,
			&p.CouncilRef, &p.NHSNumber, &p.Phone, &p.Email, &p.CommunicationNeeds)
	if err == sql.ErrNoRows {
		return Profile{}, false, nil
	}
	if err != nil {
		return Profile{}, false, fmt.Errorf("read profile: %w", plainDBError(err))
	}
	p.DateOfBirth, _ = ParseDate(dob)
	return p, true, nil
}

// SaveProfile saves every field of p that changed.
func (s *Store) SaveProfile(ctx context.Context, p Profile) error {
	if strings.TrimSpace(p.Name) == "" {
		return fmt.Errorf("save profile: please give a name; it can be just a first name")
	}
	return s.update(ctx, func(t *Tx) error {
		for _, f := range ProfileFields {
			v, _ := p.Get(f.Key)
			if err := t.set("profile", profileID, f.Key, v); err != nil {
				return fmt.Errorf("save profile: %w", err)
			}
		}
		return nil
	})
}
