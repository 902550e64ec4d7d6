package app

import (
	"context"

	"github.com/ownplan/ownplan/store"
)

// Status summarises a data folder for the Home screen and `ownplanctl status`.
type Status struct {
	Name          string `json:"name"`
	PreferredName string `json:"preferred_name,omitempty"`
	HasProfile    bool   `json:"has_profile"`
	Example       bool   `json:"example_data"`
	SchemaVersion int    `json:"schema_version"`
	DeviceID      string `json:"device_id"`
	DataDir       string `json:"data_dir"`
	People        int    `json:"people"`
	JournalSeq    int64  `json:"journal_seq"`
	AppVersion    string `json:"app_version"`
}

// Status reports what is in the data folder.
func (a *App) Status(ctx context.Context) (Status, error) {
	st := a.store()
	p, has, err := st.Profile(ctx)
	if err != nil {
		return Status{}, err
	}
	people, err := st.People(ctx)
	if err != nil {
		return Status{}, err
	}
	seq, err := st.LastSeq(ctx)
	if err != nil {
		return Status{}, err
	}
	return Status{
		Name:          p.Name,
		PreferredName: p.PreferredName,
		HasProfile:    has,
		Example:       a.IsExample(ctx),
		SchemaVersion: store.SchemaVersion(),
		DeviceID:      st.DeviceID(),
		DataDir:       a.dir,
		People:        len(people),
		JournalSeq:    seq,
		AppVersion:    Version,
	}, nil
}
